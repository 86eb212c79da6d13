using Ariane.Core.Access;
using Ariane.Persistence;
using Ariane.Web.Infrastructure;
using Ariane.Web.Infrastructure.Jobs;
using Ariane.Web.Infrastructure.Modules;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(DemoMode.Apply(args));

// Options are read from the container, never before Build(): tests and hosts may add configuration late.
builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddOptions<AccessOptions>().BindConfiguration("Access");
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddHttpContextAccessor();
builder.Services.AddAuditTrail();
builder.Services.AddJobs();
builder.Services.AddDbContext<AppDbContext>((sp, o) => PersistenceSetup.Configure(o, sp.GetRequiredService<IOptions<DatabaseOptions>>().Value));
builder.Services.AddScoped<CurrentUser>();
builder.Services.AddScoped<AccessQueries>();
builder.Services.AddScoped<ChildAccess>();
builder.Services.AddArianeSecurity();
builder.Services.AddArianeProblems();
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
builder.Services.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
{
    doc.Info.Title = "Ariane API";
    doc.Info.Description = "Dossier partagé de l'enfant protégé. Authentification : POST /api/v1/auth/token puis en-tête Authorization: Bearer.";
    return Task.CompletedTask;
}));
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(allowIntegerValues: false));
    o.SerializerOptions.UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow;
});
builder.Services.AddRazorPages(o => o.RootDirectory = "/Features").AddMvcOptions(o =>
{
    o.Filters.Add<TwoFactorEnrolmentFilter>();
    o.Filters.Add<UnknownPageHandlerFilter>();
    o.ModelBinderProviders.Insert(0, new FrenchDateModelBinderProvider()); // dates typed JJ/MM/AAAA in every form
    FrenchBindingMessages.Apply(o.ModelBindingMessageProvider);
});
// French text is written as is, not as HTML entities.
builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
    o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
// Every module found in this assembly (Features/*/*Module.cs) registers its own handlers: no list here.
builder.Services.AddArianeModules();

var app = builder.Build();

if (Commands.IsCommand(args))
{
    return await Commands.RunAsync(app, args);
}

StartupChecks.Validate(app);
await DatabaseStartup.PrepareAsync(app);

app.UseExceptionHandler(new ExceptionHandlerOptions
{
    ExceptionHandler = ErrorResponses.HandleAsync,
    // The middleware's own log line carries the exception message, which may hold personal data: ErrorResponses logs the type only.
    SuppressDiagnosticsCallback = _ => true,
    StatusCodeSelector = ex => ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
});
app.UseWhen(ctx => !ErrorResponses.IsApi(ctx.Request), b => b.UseStatusCodePagesWithReExecute("/Error", "?code={0}"));
app.UseWhen(ctx => ErrorResponses.IsApi(ctx.Request), b => b.UseStatusCodePages()); // empty API errors get a French problem document
app.UseSecurityHeaders();
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseBearerTokenRevocation();
app.UseAuthorization();
app.UseChildGate();
app.UseKnownRequestCharset();

app.MapHealthChecks("/health").AllowAnonymous().WithMetadata(new NoChildDataAttribute());
app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous().WithMetadata(new NoChildDataAttribute());
var api = app.MapGroup("/api/v1").RequireAuthorization(SecuritySetup.ApiPolicy).DisableAntiforgery().ValidateTextInput();
api.MapArianeModules();
app.MapRazorPages();

app.Run();
return 0;

/// <summary>Entry point type, public for the integration tests' WebApplicationFactory.</summary>
public partial class Program;
