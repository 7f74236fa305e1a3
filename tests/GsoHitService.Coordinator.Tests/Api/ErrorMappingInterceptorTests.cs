using Grpc.Core;
using GsoHitService.Audit;
using GsoHitService.Coordinator.Api;
using GsoHitService.Coordinator.Store;
using GsoHitService.Protocol;
using Microsoft.Extensions.Logging.Abstractions;

namespace GsoHitService.Coordinator.Tests.Api;

public sealed class ErrorMappingInterceptorTests
{
    private readonly ErrorMappingInterceptor _interceptor = new(NullLogger<ErrorMappingInterceptor>.Instance);

    public static TheoryData<int, StatusCode, string> StoreErrors => new()
    {
        { (int)StoreError.NotFound, StatusCode.NotFound, CoordinatorErrorCodes.ReasonNotFound },
        { (int)StoreError.AlreadyExists, StatusCode.AlreadyExists, CoordinatorErrorCodes.ReasonAlreadyExists },
        { (int)StoreError.InvalidState, StatusCode.FailedPrecondition, CoordinatorErrorCodes.ReasonInvalidState },
        { (int)StoreError.DecryptionFailed, StatusCode.Internal, CoordinatorErrorCodes.ReasonInternalError },
        { (int)StoreError.DataKeyMismatch, StatusCode.Internal, CoordinatorErrorCodes.ReasonInternalError },
        { (int)StoreError.SchemaMismatch, StatusCode.Internal, CoordinatorErrorCodes.ReasonInternalError },
    };

    [Theory]
    [MemberData(nameof(StoreErrors))]
    public void Map_StoreError_GivesStatusAndReason(int error, StatusCode status, string reason)
    {
        var mapped = _interceptor.Map(new CoordinatorStoreException((StoreError)error, "Decision d-1 is already recorded."), Context());

        Assert.Equal(status, mapped.StatusCode);
        Assert.Equal(reason, mapped.Trailers.GetValue(CoordinatorErrorCodes.ReasonTrailer));
    }

    [Fact]
    public void Map_InternalStoreError_HidesTheMessage()
    {
        var mapped = _interceptor.Map(new CoordinatorStoreException(StoreError.DataKeyMismatch, "Data key 'k1' in /etc/gso/keys is wrong."), Context());

        Assert.DoesNotContain("/etc/gso", mapped.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_ArgumentException_IsInvalidRequest()
    {
        var mapped = _interceptor.Map(new ArgumentException("A signal needs at least one subject.", "subjects"), Context());

        Assert.Equal(StatusCode.InvalidArgument, mapped.StatusCode);
        Assert.Equal(CoordinatorErrorCodes.ReasonInvalidRequest, mapped.Trailers.GetValue(CoordinatorErrorCodes.ReasonTrailer));
    }

    [Fact]
    public void Map_AuditLogFailure_IsInternalWithGenericMessage()
    {
        var mapped = _interceptor.Map(new AuditLogException("Writing entry 7 to audit log /var/lib/gso/audit.log failed"), Context());

        Assert.Equal(StatusCode.Internal, mapped.StatusCode);
        Assert.DoesNotContain("/var/lib", mapped.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_UnexpectedException_IsInternalWithoutItsText()
    {
        var mapped = _interceptor.Map(new InvalidOperationException("SELECT * FROM subjects failed"), Context());

        Assert.Equal(StatusCode.Internal, mapped.StatusCode);
        Assert.DoesNotContain("SELECT", mapped.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_Refusal_KeepsItsTrailers()
    {
        var refusal = RequestRefusedException.PermissionDenied(
            CoordinatorErrorCodes.ReasonDepartmentNotInDecision,
            "Decision d-1 does not name department belastingen.",
            (CoordinatorErrorCodes.DepartmentTrailer, "belastingen"));

        var mapped = _interceptor.Map(refusal, Context());

        Assert.Equal(StatusCode.PermissionDenied, mapped.StatusCode);
        Assert.Equal("belastingen", mapped.Trailers.GetValue(CoordinatorErrorCodes.DepartmentTrailer));
    }

    private static ServerCallContext Context() => new TestCallContext();

    /// <summary>A call context with only the method name and a token that never fires.</summary>
    private sealed class TestCallContext : ServerCallContext
    {
        protected override string MethodCore => "/gso.v1.Coordinator/RunHitQuery";

        protected override string HostCore => "127.0.0.1";

        protected override string PeerCore => "ipv4:127.0.0.1:50000";

        protected override DateTime DeadlineCore => DateTime.MaxValue;

        protected override Metadata RequestHeadersCore => [];

        protected override CancellationToken CancellationTokenCore => CancellationToken.None;

        protected override Metadata ResponseTrailersCore => [];

        protected override Status StatusCore { get; set; }

        protected override WriteOptions? WriteOptionsCore { get; set; }

        protected override AuthContext AuthContextCore => new(null, []);

        protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) => throw new NotSupportedException();

        protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;
    }
}
