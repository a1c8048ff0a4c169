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

/// <summary>
/// Every <see cref="DateTimeOffset"/> a request carries lies between the years <see cref="FirstYear"/> and <see cref="LastYear"/>:
/// its own, and those of the objects and lists it holds (a participant's, a slot's), named by their path (<c>slots[1].start</c>).
/// </summary>
public static class Instants
{
    public const int FirstYear = 1900;
    public const int LastYear = 2999;
    private const int MaxDepth = 6;

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    public static List<ValidationFailure> Check(object request)
    {
        var failures = new List<ValidationFailure>();
        Walk(request, "", 0, failures);
        return failures;
    }

    private static void Walk(object value, string path, int depth, List<ValidationFailure> failures)
    {
        foreach (var property in Properties.GetOrAdd(value.GetType(), type => type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     .Where(p => p.GetIndexParameters().Length == 0 && (IsInstant(p.PropertyType) || MayHold(p.PropertyType)))
                     .ToArray()))
        {
            var name = path + JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            switch (property.GetValue(value))
            {
                case DateTimeOffset instant when !Plausible(instant):
                    failures.Add(new ValidationFailure(name, $"'{name}' must be a date between the years {FirstYear} and {LastYear}."));
                    break;
                case System.Collections.IEnumerable items and not string when depth < MaxDepth:
                    var i = 0;
                    foreach (var item in items)
                    {
                        if (item is DateTimeOffset instant && !Plausible(instant))
                            failures.Add(new ValidationFailure($"{name}[{i}]", $"'{name}[{i}]' must be a date between the years {FirstYear} and {LastYear}."));
                        else if (item is not null && MayHold(item.GetType()))
                            Walk(item, $"{name}[{i}].", depth + 1, failures);
                        i++;
                    }
                    break;
                case { } inner when depth < MaxDepth && MayHold(inner.GetType()) && inner is not System.Collections.IEnumerable:
                    Walk(inner, name + ".", depth + 1, failures);
                    break;
            }
        }
    }

    private static bool IsInstant(Type type) => type == typeof(DateTimeOffset) || type == typeof(DateTimeOffset?);

    /// <summary>Our own records (and lists of them, or of instants): JSON nodes, strings and the framework's types hold no instant of a request's.</summary>
    private static bool MayHold(Type type) =>
        type.Namespace?.StartsWith("Workflow.", StringComparison.Ordinal) == true && !type.IsEnum
        || type.IsGenericType && type.GetGenericArguments() is [var item] && typeof(System.Collections.IEnumerable).IsAssignableFrom(type) && (IsInstant(item) || MayHold(item))
        || type.IsArray && type.GetElementType() is { } element && (IsInstant(element) || MayHold(element));

    public static bool Plausible(DateTimeOffset value) => value.UtcDateTime.Year is >= FirstYear and <= LastYear;
}
