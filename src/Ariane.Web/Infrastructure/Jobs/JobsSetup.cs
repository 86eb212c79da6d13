namespace Ariane.Web.Infrastructure.Jobs;

public static class JobsSetup
{
    /// <summary>The job runner and the scheduler; the jobs themselves are registered by their modules as <see cref="IJob"/>.</summary>
    public static IServiceCollection AddJobs(this IServiceCollection services)
    {
        services.AddOptions<JobOptions>().BindConfiguration(JobOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<JobRunner>();
        services.AddSingleton<JobScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<JobScheduler>());
        return services;
    }
}
