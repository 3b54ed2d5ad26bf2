namespace BackOfficeCloud.Planning.Blending.Items;

internal enum ItemState : byte
{
    Gone,
    Open,
    Pended,
    Assigned,
}

/// <summary>An item's mutable record inside <see cref="ItemBook"/>; <see cref="Version"/> invalidates old heap entries.</summary>
internal struct ItemSlot
{
    public long Id;
    public int ItemType;
    public int Skill;
    public int Priority;
    public long DeadlineTicks;
    public long RemainingEffortTicks;
    public long CustomerId;
    public ItemState State;
    public int Version;
    public int NextOfCustomer;
    public int PreviousOfCustomer;
}
