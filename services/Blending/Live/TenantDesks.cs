using System.Collections.Concurrent;
using BackOfficeCloud.Blending.Events;
using BackOfficeCloud.Blending.Storage;
using BackOfficeCloud.Contracts.Blending.V1;
using BackOfficeCloud.Data;
using BackOfficeCloud.Messaging.Outbox;
using Npgsql;

namespace BackOfficeCloud.Blending.Live;

/// <summary>
/// The desks of this replica, one per tenant, each with one writer at a time. Every use first locks the tenant's row
/// (so writers are serialised across commits and replicas), then compares the desk's count of applied facts with the
/// stored one: a desk that is missing (first use, restart) or stale (a transaction that applied facts rolled back) is
/// rebuilt by replaying the stored facts. New facts, the tasks they decide and the decision events are written in the
/// caller's transaction, so they commit together.
/// </summary>
public sealed class TenantDesks(FactStore facts, TaskStore tasks, IEventOutbox outbox, NpgsqlDataSource dataSource)
{
    private readonly ConcurrentDictionary<string, Slot> _slots = new(StringComparer.Ordinal);

    /// <summary>
    /// Applies the facts <paramref name="factsFor"/> makes from the current desk (it may throw a validation error,
    /// which leaves the desk untouched) and returns the tasks decided.
    /// </summary>
    public async Task<IReadOnlyList<AgentTask>> ApplyAsync(
        string tenant, NpgsqlTransaction transaction, Func<TenantDesk, IReadOnlyList<Fact>> factsFor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(factsFor);
        using var lease = await EnterAsync(tenant, transaction, cancellationToken).ConfigureAwait(false);
        var desk = lease.Desk;
        var newFacts = factsFor(desk);
        if (newFacts.Count == 0)
        {
            return [];
        }

        try
        {
            var decided = new List<AgentTask>();
            var overriddenBy = new List<string>();
            var decisions = new List<DeskDecision>();
            foreach (var fact in newFacts)
            {
                desk.Apply(fact, decisions);
                foreach (var decision in decisions)
                {
                    var sequence = desk.LastSequence[decision.AgentId] = desk.LastSequence.GetValueOrDefault(decision.AgentId) + 1;
                    decided.Add(DecisionEvents.ToTask(decision, sequence, fact.At));
                    overriddenBy.Add(decision.OverriddenBy);
                }

                decisions.Clear();
            }

            await facts.AppendAsync(transaction, lease.Applied, newFacts, cancellationToken).ConfigureAwait(false);
            if (decided.Count > 0)
            {
                await tasks.AppendAsync(transaction, decided, cancellationToken).ConfigureAwait(false);
                await outbox.EnqueueAsync(
                    transaction, [.. decided.Select((t, i) => DecisionEvents.ToEvent(tenant, t, overriddenBy[i]))], cancellationToken).ConfigureAwait(false);
            }

            return decided;
        }
        catch
        {
            lease.Invalidate();
            throw;
        }
    }

    /// <summary>Applies the facts in a transaction of its own and commits.</summary>
    public async Task<IReadOnlyList<AgentTask>> ApplyAsync(string tenant, Func<TenantDesk, IReadOnlyList<Fact>> factsFor, CancellationToken cancellationToken)
    {
        var (connection, transaction) = await dataSource.OpenTenantTransactionAsync(tenant, cancellationToken).ConfigureAwait(false);
        await using (connection)
        await using (transaction)
        {
            var decided = await ApplyAsync(tenant, transaction, factsFor, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return decided;
        }
    }

    public async Task<T> ReadAsync<T>(string tenant, Func<TenantDesk, T> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        var (connection, transaction) = await dataSource.OpenTenantTransactionAsync(tenant, cancellationToken).ConfigureAwait(false);
        await using (connection)
        await using (transaction)
        {
            using var lease = await EnterAsync(tenant, transaction, cancellationToken).ConfigureAwait(false);
            var result = read(lease.Desk);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return result;
        }
    }

    private async Task<Lease> EnterAsync(string tenant, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var applied = await facts.LockTenantAsync(transaction, cancellationToken).ConfigureAwait(false);
        var slot = _slots.GetOrAdd(tenant, _ => new Slot());
        await slot.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (slot.Desk is null || slot.Desk.FactsApplied != applied)
            {
                slot.Desk = null;
                slot.Desk = await RebuildAsync(transaction, cancellationToken).ConfigureAwait(false);
            }

            return new Lease(slot, applied);
        }
        catch
        {
            slot.Gate.Release();
            throw;
        }
    }

    private async Task<TenantDesk> RebuildAsync(NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var desk = new TenantDesk();
        var replayed = new List<DeskDecision>();
        await foreach (var fact in facts.ReadAllAsync(transaction, cancellationToken).ConfigureAwait(false))
        {
            desk.Apply(fact, replayed);
            replayed.Clear();
        }

        foreach (var (agent, sequence) in await tasks.LastSequencesAsync(transaction, cancellationToken).ConfigureAwait(false))
        {
            desk.LastSequence[agent] = sequence;
        }

        return desk;
    }

    private sealed class Slot
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public TenantDesk? Desk { get; set; }
    }

    private sealed class Lease(Slot slot, long applied) : IDisposable
    {
        public TenantDesk Desk => slot.Desk!;

        public long Applied => applied;

        public void Invalidate() => slot.Desk = null;

        public void Dispose() => slot.Gate.Release();
    }
}
