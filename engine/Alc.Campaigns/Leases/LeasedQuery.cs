using Alc.Storage.Queries;

namespace Alc.Campaigns.Leases;

/// <summary>A query handed to an annotator, with the lease it now carries.</summary>
/// <param name="Query">The stored query.</param>
/// <param name="Lease">The lease just taken or renewed.</param>
public sealed record LeasedQuery(QueryRow Query, QueryLease Lease);
