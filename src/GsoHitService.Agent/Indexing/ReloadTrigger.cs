namespace GsoHitService.Agent.Indexing;

/// <summary>What started an index load.</summary>
internal enum ReloadTrigger
{
    StartUp,
    Schedule,
    SourceFileChanged,
    Request,
}
