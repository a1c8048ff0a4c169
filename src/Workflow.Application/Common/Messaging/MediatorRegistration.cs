using System.Reflection;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Workflow.Application.Common.Messaging;

/// <summary>MediatR 5.1 has no DI extension package here: handlers, validators and behaviours are registered by scanning.</summary>
public static class MediatorRegistration
{
    public static IServiceCollection AddMediatorFrom(this IServiceCollection services, params Assembly[] assemblies)
    {
        services.AddScoped<ServiceFactory>(sp => sp.GetService!);
        services.AddScoped<IMediator, Mediator>();

        // Order matters: the first behaviour registered is the outermost.
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(Dossiers.DossierScopeBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(UnitOfWorkBehavior<,>));

        var open = new[] { typeof(IRequestHandler<,>), typeof(INotificationHandler<>) };
        foreach (var type in assemblies.SelectMany(a => a.GetTypes()).Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false }))
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && open.Contains(i.GetGenericTypeDefinition())))
                services.AddTransient(contract, type);
            // Validators compile their rules when built: one instance each, shared (they are stateless).
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>)))
                services.AddSingleton(contract, type);
            if (typeof(IBeforeCommitHandler).IsAssignableFrom(type))
                services.AddScoped(typeof(IBeforeCommitHandler), type);
        }

        // A rule stops at its first failure: NotNull() guards the checks that follow it.
        ValidatorOptions.Global.DefaultRuleLevelCascadeMode = CascadeMode.Stop;
        ValidatorOptions.Global.PropertyNameResolver = (_, member, _) =>
            member is null ? null : System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(member.Name);
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) =>
            member is null ? null : System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(member.Name);
        return services;
    }
}
