namespace BackOfficeCloud.Planning.Staffing.Shrinkage;

/// <summary>A share of paid time not spent on work: breaks, meetings, training (planned) or absence (unplanned).</summary>
public sealed record ShrinkageFactor(string Name, double Fraction, bool Planned);
