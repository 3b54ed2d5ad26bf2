namespace BackOfficeCloud.Planning.Staffing.Planning;

/// <summary>Turns forecasts, backlog and targets into per-interval requirements: a blended plan and its silo comparison.</summary>
public interface IRequirementsPlanner
{
    RequirementsResult Plan(RequirementsRequest request);
}
