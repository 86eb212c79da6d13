using Ariane.Persistence;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Admin;

/// <summary>
/// Runs an administration change in one transaction. UserManager saves on its own at every call; the
/// transaction makes those saves and the final audit save (which the work ends with) commit together,
/// so that no account change is ever stored without its audit row.
/// </summary>
internal static class AdminTransaction
{
    public static async Task<Result<T>> RunAsync<T>(AppDbContext db, Func<CancellationToken, Task<Result<T>>> work, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(
            async ct =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var result = await work(ct);
                if (result.IsOk)
                {
                    await transaction.CommitAsync(ct);
                }

                return result;
            },
            cancellationToken);
    }
}
