using BackOfficeCloud.Contracts.Forecasting.V1;

namespace BackOfficeCloud.Forecasting.Storage;

/// <summary>One forecastable series of a tenant: contacts arriving at a queue, or items of a back-office work type.</summary>
public readonly record struct SeriesKey(string Kind, string Queue)
{
    public const string Contacts = "contacts";
    public const string WorkItems = "work_items";

    public static SeriesKey Of(SeriesKind kind, string queue) => new(KindName(kind), queue);

    public static string KindName(SeriesKind kind) => kind == SeriesKind.WorkItems ? WorkItems : Contacts;

    public static SeriesKind KindOf(string name) => name == WorkItems ? SeriesKind.WorkItems : SeriesKind.Contacts;

    public override string ToString() => Kind == Contacts ? Queue : $"{Queue} (work items)";
}
