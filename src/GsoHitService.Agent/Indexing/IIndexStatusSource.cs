namespace GsoHitService.Agent.Indexing;

/// <summary>Provides the index status that queries are answered from.</summary>
internal interface IIndexStatusSource
{
    /// <summary>The current status; read once per query so that all its tokens see the same index.</summary>
    IndexStatus Current { get; }
}
