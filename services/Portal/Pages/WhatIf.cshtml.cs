using System.Text.Json;
using BackOfficeCloud.Contracts.Scheduling.V1;
using BackOfficeCloud.Portal.WhatIf;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BackOfficeCloud.Portal.Pages;

/// <summary>
/// What-if: simulate one of the tenant's schedules (the latest per period) under a blending policy with more or
/// fewer contacts and absent employees, side by side with the other way of working (blended against silo).
/// </summary>
public sealed class WhatIfModel(SchedulingService.SchedulingServiceClient scheduling) : PageModel
{
    public static readonly IReadOnlyList<string> Policies = ["threshold", "greedy", "silo"];

    /// <summary>A simulation of a week of a large center takes seconds; more than this and the page gives up.</summary>
    private static readonly TimeSpan SimulationDeadline = TimeSpan.FromSeconds(90);

    private static readonly JsonSerializerOptions ChartJson = new(JsonSerializerDefaults.Web);

    [BindProperty]
    public string? ScheduleId { get; set; }

    [BindProperty]
    public string Policy { get; set; } = Policies[0];

    [BindProperty]
    public double VolumeChangePercent { get; set; }

    [BindProperty]
    public int Absentees { get; set; }

    public IReadOnlyList<ScheduleSummary> Schedules { get; private set; } = [];

    public ScheduleSummary? Selected { get; private set; }

    public ScheduleSimulation? Result { get; private set; }

    /// <summary>The same what-if under the other way of working: silo when the chosen policy blends, else threshold.</summary>
    public ScheduleSimulation? Comparison { get; private set; }

    public string? ServiceLevelChart { get; private set; }

    public string? OccupancyChart { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadSchedulesAsync(cancellationToken);

    public async Task OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadSchedulesAsync(cancellationToken))
        {
            return;
        }

        Selected = Schedules.FirstOrDefault(s => s.ScheduleId == ScheduleId);
        if (Selected is null || !Policies.Contains(Policy))
        {
            Error = "Pick one of the schedules and policies listed.";
            return;
        }

        try
        {
            var comparisonPolicy = Policy == "silo" ? Policies[0] : "silo";
            var runs = await Task.WhenAll(SimulateAsync(Selected, Policy, cancellationToken), SimulateAsync(Selected, comparisonPolicy, cancellationToken));
            (Result, Comparison) = (runs[0], runs[1]);
            var zone = TimeZoneInfo.FindSystemTimeZoneById(Selected.TimeZone);
            ServiceLevelChart = JsonSerializer.Serialize(WhatIfChart.ServiceLevel(Result, Comparison, zone), ChartJson);
            OccupancyChart = JsonSerializer.Serialize(WhatIfChart.Occupancy(Result, zone), ChartJson);
        }
        catch (RpcException ex) when (ex.StatusCode is Grpc.Core.StatusCode.InvalidArgument or Grpc.Core.StatusCode.NotFound or Grpc.Core.StatusCode.FailedPrecondition)
        {
            Error = ex.Status.Detail;
        }
        catch (RpcException ex) when (ex.StatusCode is Grpc.Core.StatusCode.Unavailable or Grpc.Core.StatusCode.DeadlineExceeded)
        {
            Error = "Scheduling is not answering right now (or the simulation took too long); try again in a moment.";
        }
    }

    private Task<ScheduleSimulation> SimulateAsync(ScheduleSummary schedule, string policy, CancellationToken cancellationToken)
    {
        var request = new SimulateScheduleRequest { ScheduleId = schedule.ScheduleId, Version = schedule.Version, Policy = policy, Absentees = Absentees };
        request.ArrivalMultipliers.AddRange(schedule.Queues.Select(q => new ArrivalMultiplier { Queue = q, Multiplier = 1 + (VolumeChangePercent / 100) }));
        return scheduling.SimulateScheduleAsync(request, deadline: DateTime.UtcNow.Add(SimulationDeadline), cancellationToken: cancellationToken).ResponseAsync;
    }

    /// <summary>The tenant's schedules; false (with the message set) when Scheduling cannot be asked.</summary>
    private async Task<bool> LoadSchedulesAsync(CancellationToken cancellationToken)
    {
        try
        {
            Schedules = (await scheduling.ListSchedulesAsync(new ListSchedulesRequest(), cancellationToken: cancellationToken)).Schedules;
            return true;
        }
        catch (RpcException ex) when (ex.StatusCode is Grpc.Core.StatusCode.Unavailable or Grpc.Core.StatusCode.DeadlineExceeded)
        {
            Error = "Scheduling is not answering right now; the schedules will be back when it is.";
            return false;
        }
    }
}
