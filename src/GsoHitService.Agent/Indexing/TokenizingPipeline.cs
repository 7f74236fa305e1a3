using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using GsoHitService.Matching;

namespace GsoHitService.Agent.Indexing;

/// <summary>
/// Computes the match tokens of identifiers on several threads while the source is still being
/// read, and adds them to a <see cref="TokenIndexBuilder"/>. Keyed hashing is the costly step of
/// a load, so it runs on every core; reading stays on one thread because sources read in order.
/// </summary>
internal sealed class TokenizingPipeline : IAsyncDisposable
{
    private const int BatchLength = 4_096;

    private readonly MatchTokenizer _tokenizer;
    private readonly TokenIndexBuilder _builder;
    private readonly Lock _builderLock = new();
    private readonly Channel<IdentifierBatch> _batches;
    private readonly CancellationTokenSource _abort;
    private readonly Task[] _workers;
    private CanonicalIdentifier[] _pending = new CanonicalIdentifier[BatchLength];
    private int _pendingCount;
    private Exception? _workerFailure;
    private bool _completed;

    public TokenizingPipeline(MatchTokenizer tokenizer, TokenIndexBuilder builder, int workerCount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workerCount, 1);

        _tokenizer = tokenizer;
        _builder = builder;
        _abort = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        // Two batches per worker keep every worker busy without buffering much of the source.
        _batches = Channel.CreateBounded<IdentifierBatch>(new BoundedChannelOptions(workerCount * 2)
        {
            SingleWriter = true,
            SingleReader = false,
        });
        _workers = Enumerable.Range(0, workerCount).Select(_ => Task.Run(RunWorkerAsync)).ToArray();
    }

    /// <summary>Queues one identifier; waits only when every worker is busy.</summary>
    public ValueTask AddAsync(CanonicalIdentifier identifier)
    {
        _pending[_pendingCount++] = identifier;
        return _pendingCount == BatchLength ? FlushAsync() : ValueTask.CompletedTask;
    }

    /// <summary>Tokenizes what is still queued and waits until every token is in the builder.</summary>
    /// <exception cref="Exception">The first exception of a worker, for example from the tokenizer.</exception>
    public async Task CompleteAsync()
    {
        await FlushAsync();
        _batches.Writer.Complete();
        _completed = true;

        try
        {
            await Task.WhenAll(_workers);
        }
        catch (OperationCanceledException) when (_workerFailure is not null)
        {
            ExceptionDispatchInfo.Throw(_workerFailure);
        }
    }

    /// <summary>Stops the workers when the pipeline did not complete, for example after a read error.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_completed)
        {
            await _abort.CancelAsync();
            _batches.Writer.TryComplete();
            try
            {
                await Task.WhenAll(_workers);
            }
            catch (Exception)
            {
                // The reader's own exception is the one to report; the workers only stopped.
            }
        }

        _abort.Dispose();
    }

    private async ValueTask FlushAsync()
    {
        if (_pendingCount == 0)
        {
            return;
        }

        var batch = new IdentifierBatch(_pending, _pendingCount);
        _pending = new CanonicalIdentifier[BatchLength];
        _pendingCount = 0;

        try
        {
            await _batches.Writer.WriteAsync(batch, _abort.Token);
        }
        catch (OperationCanceledException) when (_workerFailure is not null)
        {
            ExceptionDispatchInfo.Throw(_workerFailure);
        }
    }

    private async Task RunWorkerAsync()
    {
        var tokens = new MatchToken[BatchLength];
        try
        {
            await foreach (var batch in _batches.Reader.ReadAllAsync(_abort.Token))
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    tokens[i] = _tokenizer.ComputeToken(batch.Identifiers[i]);
                }

                lock (_builderLock)
                {
                    _builder.AddRange(tokens.AsSpan(0, batch.Count));
                }
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Interlocked.CompareExchange(ref _workerFailure, exception, null);
            await _abort.CancelAsync();
            throw;
        }
    }

    private readonly record struct IdentifierBatch(CanonicalIdentifier[] Identifiers, int Count);
}
