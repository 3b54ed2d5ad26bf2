namespace BackOfficeCloud.ServiceDefaults.Validation;

/// <summary>One thing wrong with a request: which field (with its row or index where there is one) and why.</summary>
public sealed record FieldViolation(string Field, string Description);

/// <summary>Thrown by a service when a request is invalid; becomes gRPC InvalidArgument / HTTP 400 with every violation.</summary>
public sealed class ValidationException : Exception
{
    public ValidationException(IReadOnlyList<FieldViolation> violations)
        : base(Describe(violations)) => Violations = violations;

    public ValidationException(string field, string description)
        : this([new FieldViolation(field, description)])
    {
    }

    public IReadOnlyList<FieldViolation> Violations { get; }

    private static string Describe(IReadOnlyList<FieldViolation> violations) => violations.Count switch
    {
        0 => "The request is invalid.",
        1 => $"{violations[0].Field}: {violations[0].Description}",
        _ => $"{violations.Count} fields are invalid; first: {violations[0].Field}: {violations[0].Description}",
    };
}
