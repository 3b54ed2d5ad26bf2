using BackOfficeCloud.Planning.Calendar;

namespace BackOfficeCloud.Planning.Simulation.Scenario;

/// <summary>Checks a scenario; the exception names the field and its value.</summary>
public static class ScenarioValidation
{
    public static void Validate(SimulationScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        Require(scenario.Days > 0, $"days is {scenario.Days}: simulate at least one day.");
        Require(IntervalGrid.SupportedLengths.Contains(scenario.IntervalMinutes),
            $"interval_minutes is {scenario.IntervalMinutes}: it must be 5, 15, 30 or 60.");
        Require(scenario.WarmUpMinutes >= 0 && scenario.WarmUpMinutes < scenario.Days * 1440,
            $"warm_up_minutes is {scenario.WarmUpMinutes}: it must be 0 or more and shorter than the scenario.");
        Require(scenario.Queues.Count + scenario.BackOffice.Count > 0, "queues and back_office are both empty: nothing to simulate.");
        for (var q = 0; q < scenario.Queues.Count; q++)
        {
            var queue = scenario.Queues[q];
            var at = $"queues[{q}] ({queue.Name})";
            Arrivals(queue.Arrivals, at);
            Duration(queue.HandleTime, $"{at}.handle_time");
            if (queue.Patience is { } patience)
            {
                Duration(patience, $"{at}.patience");
            }

            Require(queue.ServiceLevelTarget is > 0 and < 1, $"{at}.service_level_target is {queue.ServiceLevelTarget}: it must be above 0 and below 1.");
            Require(queue.ThresholdSeconds >= 0, $"{at}.threshold_seconds is {queue.ThresholdSeconds}: it must not be negative.");
        }

        for (var b = 0; b < scenario.BackOffice.Count; b++)
        {
            var type = scenario.BackOffice[b];
            var at = $"back_office[{b}] ({type.Type})";
            Arrivals(type.Arrivals, at);
            Duration(type.Effort, $"{at}.effort");
            Require(type.DeadlineHours > 0, $"{at}.deadline_hours is {type.DeadlineHours}: it must be above 0.");
        }

        for (var g = 0; g < scenario.Agents.Count; g++)
        {
            Group(scenario.Agents[g], $"agents[{g}] ({scenario.Agents[g].Name})", scenario.Days);
        }
    }

    private static void Group(AgentGroup group, string at, int days)
    {
        Require(group.Count >= 0, $"{at}.count is {group.Count}: it must not be negative.");
        Require(group.Skills.Count > 0, $"{at}.skills is empty.");
        foreach (var skill in group.Skills)
        {
            Require(skill.Proficiency > 0, $"{at}.skills ({skill.Skill}).proficiency is {skill.Proficiency}: it must be above 0.");
        }

        foreach (var block in group.Shifts)
        {
            Require(block.StartMinute >= 0 && block.StartMinute < block.EndMinute && block.EndMinute <= 1440,
                $"{at}.shifts: block {block.StartMinute}-{block.EndMinute} must satisfy 0 <= start_minute < end_minute <= 1440.");
            Require(block.Days is null || block.Days.All(d => d >= 0 && d < days),
                $"{at}.shifts: days [{string.Join(", ", block.Days ?? [])}] must be in 0..{days - 1}.");
        }
    }

    private static void Arrivals(ArrivalPattern arrivals, string at)
    {
        var given = (arrivals.PerInterval is not null ? 1 : 0) + (arrivals.PerHour is not null ? 1 : 0) + (arrivals.ReplaySeconds is not null ? 1 : 0);
        Require(given == 1, $"{at}.arrivals: give exactly one of per_interval, per_hour or replay_seconds.");
        Require(arrivals.PerInterval?.All(r => r >= 0) ?? true, $"{at}.arrivals.per_interval has a negative rate.");
        Require(arrivals.PerHour is not < 0, $"{at}.arrivals.per_hour is {arrivals.PerHour}: it must not be negative.");
    }

    private static void Duration(Distribution distribution, string at)
    {
        if (distribution.Kind == DistributionKind.Empirical)
        {
            Require(distribution.SamplesSeconds is { Count: > 0 } s && s.All(x => x >= 0), $"{at}.samples_seconds must be a non-empty list of non-negative seconds.");
            return;
        }

        Require(distribution.MeanSeconds > 0, $"{at}.mean_seconds is {distribution.MeanSeconds}: it must be above 0.");
        Require(distribution.Kind != DistributionKind.Lognormal || distribution.SdSeconds >= 0,
            $"{at}.sd_seconds is {distribution.SdSeconds}: it must not be negative.");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message, "scenario");
        }
    }
}
