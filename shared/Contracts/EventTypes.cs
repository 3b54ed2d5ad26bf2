namespace BackOfficeCloud.Contracts;

/// <summary>CloudEvents <c>type</c> of each event payload, versioned with the payload's proto package.</summary>
public static class EventTypes
{
    public const string InteractionIngested = "backoffice.ingestion.interaction-ingested.v1";
}
