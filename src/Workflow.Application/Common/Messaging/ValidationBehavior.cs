using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using MediatR;

namespace Workflow.Application.Common.Messaging;

/// <summary>First step of the pipeline: every validator of the request runs, and all failures are reported together.</summary>
public sealed class ValidationBehavior<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        // An instant no one means (year 1, year 9999) is refused for what it is before any rule reads it: "'start' must
        // not be empty" would be the wrong words, and arithmetic on it (travel buffers, ranges) could overflow.
        var instants = Instants.Check(request!);
        if (instants.Count > 0)
            throw new ValidationException(instants);

        var failures = new List<ValidationFailure>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(new ValidationContext<TRequest>(request), cancellationToken);
            failures.AddRange(result.Errors);
        }

        if (failures.Count > 0)
            throw new ValidationException(failures);

        return await next();
    }
}

/// <summary>Every <see cref="DateTimeOffset"/> a request carries lies between the years <see cref="FirstYear"/> and <see cref="LastYear"/>.</summary>
public static class Instants
{
    public const int FirstYear = 1900;
    public const int LastYear = 2999;

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    public static List<ValidationFailure> Check(object request)
    {
        var failures = new List<ValidationFailure>();
        foreach (var property in Properties.GetOrAdd(request.GetType(), type => type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     .Where(p => p.GetIndexParameters().Length == 0 && (p.PropertyType == typeof(DateTimeOffset) || p.PropertyType == typeof(DateTimeOffset?)))
                     .ToArray()))
        {
            if (property.GetValue(request) is DateTimeOffset value && !Plausible(value))
            {
                var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
                failures.Add(new ValidationFailure(name, $"'{name}' must be a date between the years {FirstYear} and {LastYear}."));
            }
        }
        return failures;
    }

    public static bool Plausible(DateTimeOffset value) => value.UtcDateTime.Year is >= FirstYear and <= LastYear;
}
