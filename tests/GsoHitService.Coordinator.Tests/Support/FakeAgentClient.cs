using System.Collections.Concurrent;
using Grpc.Core;
using GsoHitService.Matching;
using GsoHitService.Protocol.V1;
using IdentifierType = GsoHitService.Matching.IdentifierType;
using WireAnswer = GsoHitService.Protocol.V1.HitAnswer;
using WireType = GsoHitService.Protocol.V1.IdentifierType;

namespace GsoHitService.Coordinator.Tests.Support;

/// <summary>
/// A hand-written agent client for unit tests: answers from a set of held tokens and held types, or
/// fails with a chosen exception, and records every call with its options and messages.
/// </summary>
internal sealed class FakeAgentClient : DepartmentAgent.DepartmentAgentClient
{
    private readonly HashSet<(IdentifierType, MatchToken)> _held = [];

    /// <summary>Identifier types the fake department indexes; probes of other types get NOT_HELD.</summary>
    public HashSet<IdentifierType> HeldTypes { get; } = [];

    /// <summary>When set, every call fails with this exception instead of answering.</summary>
    public Exception? Failure { get; set; }

    /// <summary>When set, replaces the reply's answer groups, for tests of malformed replies.</summary>
    public Func<List<ProbeGroupAnswers>, List<ProbeGroupAnswers>>? TamperWithAnswers { get; set; }

    public ConcurrentQueue<CallOptions> CallOptions { get; } = new();

    public ConcurrentQueue<HitQueryRequest> QueryRequests { get; } = new();

    /// <summary>The messages of each ScreenHits call, in the order they were written.</summary>
    public ConcurrentQueue<List<HitScreeningChunk>> ScreeningCalls { get; } = new();

    public void Hold(IdentifierType type, MatchToken token)
    {
        HeldTypes.Add(type);
        _held.Add((type, token));
    }

    public override AsyncUnaryCall<HitQueryReply> QueryHitsAsync(HitQueryRequest request, CallOptions options)
    {
        CallOptions.Enqueue(options);
        QueryRequests.Enqueue(request);
        if (Failure is not null)
        {
            return Unary<HitQueryReply>(Task.FromException<HitQueryReply>(Failure));
        }

        var reply = new HitQueryReply { IndexLoadedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 3, 2, 6, 0, 0, TimeSpan.Zero)) };
        reply.Answers.AddRange(Answer(request.Probes));
        return Unary(Task.FromResult(reply));
    }

    public override AsyncDuplexStreamingCall<HitScreeningChunk, HitScreeningReplyChunk> ScreenHits(CallOptions options)
    {
        CallOptions.Enqueue(options);
        var chunks = new List<HitScreeningChunk>();
        ScreeningCalls.Enqueue(chunks);
        var writer = new RecordingWriter(chunks);
        var replies = new ReplyReader(async () =>
        {
            await writer.Completed.Task;
            if (Failure is not null)
            {
                throw Failure;
            }

            // One reply per request chunk that carried probes, as the real agent answers.
            return chunks
                .Where(chunk => chunk.Probes.Count > 0)
                .Select(chunk =>
                {
                    var reply = new HitScreeningReplyChunk();
                    reply.Answers.AddRange(Answer(chunk.Probes));
                    return reply;
                })
                .ToList();
        });

        return new AsyncDuplexStreamingCall<HitScreeningChunk, HitScreeningReplyChunk>(
            writer, replies, Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => [], () => { });
    }

    private List<ProbeGroupAnswers> Answer(IEnumerable<ProbeGroup> groups)
    {
        var answers = new List<ProbeGroupAnswers>();
        foreach (var group in groups)
        {
            var type = (IdentifierType)(int)group.IdentifierType;
            var result = new ProbeGroupAnswers { IdentifierType = group.IdentifierType };
            for (var offset = 0; offset < group.Tokens.Length; offset += MatchToken.Length)
            {
                var token = new MatchToken(group.Tokens.Span.Slice(offset, MatchToken.Length));
                result.Answers.Add(!HeldTypes.Contains(type) ? WireAnswer.NotHeld : _held.Contains((type, token)) ? WireAnswer.Hit : WireAnswer.NoHit);
            }

            answers.Add(result);
        }

        return TamperWithAnswers?.Invoke(answers) ?? answers;
    }

    private static AsyncUnaryCall<T> Unary<T>(Task<T> response) =>
        new(response, Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => [], () => { });

    private sealed class RecordingWriter(List<HitScreeningChunk> chunks) : IClientStreamWriter<HitScreeningChunk>
    {
        public TaskCompletionSource Completed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public WriteOptions? WriteOptions { get; set; }

        public Task WriteAsync(HitScreeningChunk message, CancellationToken cancellationToken) => WriteAsync(message);

        public Task WriteAsync(HitScreeningChunk message)
        {
            // A copy: the caller may reuse or change the message after writing it.
            chunks.Add(message.Clone());
            return Task.CompletedTask;
        }

        public Task CompleteAsync()
        {
            Completed.TrySetResult();
            return Task.CompletedTask;
        }
    }

    private sealed class ReplyReader(Func<Task<List<HitScreeningReplyChunk>>> produce) : IAsyncStreamReader<HitScreeningReplyChunk>
    {
        private List<HitScreeningReplyChunk>? _replies;
        private int _next = -1;

        public HitScreeningReplyChunk Current => _replies![_next];

        public async Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            _replies ??= await produce();
            _next++;
            return _next < _replies.Count;
        }
    }
}
