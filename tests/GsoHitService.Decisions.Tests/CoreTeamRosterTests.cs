using GsoHitService.Decisions.Tests.Support;

namespace GsoHitService.Decisions.Tests;

public sealed class CoreTeamRosterTests : IDisposable
{
    private readonly TestMembers _members = new();

    public void Dispose() => _members.Dispose();

    [Fact]
    public void DefaultPolicies_AreThoseOfTheGsoProcess()
    {
        var roster = _members.Roster();

        Assert.Equal(ThresholdPolicy.PrivacyCheck1Default, roster.GetPolicy(DecisionKind.PrivacyCheck1));
        Assert.Equal([CoreTeamRole.PrivacyOfficer], roster.GetPolicy(DecisionKind.PrivacyCheck1).RequiredRoles);
        Assert.Equal(2, roster.GetPolicy(DecisionKind.PrivacyCheck1).MinimumSigners);
        Assert.Equal([CoreTeamRole.PrivacyOfficer, CoreTeamRole.LegalAdviser], roster.GetPolicy(DecisionKind.PrivacyCheck2).RequiredRoles);
        Assert.Equal(2, roster.GetPolicy(DecisionKind.PrivacyCheck2).MinimumSigners);
    }

    public static TheoryData<DecisionKind, CoreTeamRole[], DecisionVerificationStatus> DefaultThresholdCases => new()
    {
        { DecisionKind.PrivacyCheck1, [CoreTeamRole.PrivacyOfficer, CoreTeamRole.Chair], DecisionVerificationStatus.Valid },
        { DecisionKind.PrivacyCheck1, [CoreTeamRole.PrivacyOfficer, CoreTeamRole.InformationCoordinator], DecisionVerificationStatus.Valid },
        { DecisionKind.PrivacyCheck1, [CoreTeamRole.PrivacyOfficer], DecisionVerificationStatus.ThresholdNotMet },
        { DecisionKind.PrivacyCheck1, [CoreTeamRole.Chair, CoreTeamRole.LegalAdviser, CoreTeamRole.InformationCoordinator], DecisionVerificationStatus.ThresholdNotMet },
        { DecisionKind.PrivacyCheck1, [], DecisionVerificationStatus.ThresholdNotMet },
        { DecisionKind.PrivacyCheck2, [CoreTeamRole.PrivacyOfficer, CoreTeamRole.LegalAdviser], DecisionVerificationStatus.Valid },
        { DecisionKind.PrivacyCheck2, [CoreTeamRole.PrivacyOfficer, CoreTeamRole.Chair], DecisionVerificationStatus.ThresholdNotMet },
        { DecisionKind.PrivacyCheck2, [CoreTeamRole.LegalAdviser, CoreTeamRole.Chair, CoreTeamRole.InformationCoordinator], DecisionVerificationStatus.ThresholdNotMet },
    };

    [Theory]
    [MemberData(nameof(DefaultThresholdCases))]
    public void CheckSignatures_DefaultThresholds_AcceptOnlyRequiredRoles(DecisionKind kind, CoreTeamRole[] signerRoles, DecisionVerificationStatus expected)
    {
        var decision = kind == DecisionKind.PrivacyCheck1 ? (Decision)Samples.PrivacyCheck1() : Samples.PrivacyCheck2();
        var signers = _members.All.Where(member => signerRoles.Contains(member.Role)).ToArray();

        var result = _members.Roster().CheckSignatures(TestMembers.Sign(decision, signers), kind);

        Assert.Equal(expected, result.Status);
    }

    [Fact]
    public void CheckSignatures_MissingRequiredRole_IsNamed()
    {
        var decision = TestMembers.Sign(Samples.PrivacyCheck2(), _members.PrivacyOfficer, _members.Chair);

        var result = _members.Roster().CheckSignatures(decision, DecisionKind.PrivacyCheck2);

        Assert.Equal([CoreTeamRole.LegalAdviser], result.MissingRoles);
        Assert.Equal(2, result.ValidSignerCount);
    }

    [Fact]
    public void CheckSignatures_ConfiguredPolicy_ReplacesDefault()
    {
        var options = _members.Options();
        options.PrivacyCheck1 = new DecisionThresholdOptions { RequiredRoles = [CoreTeamRole.Chair, CoreTeamRole.PrivacyOfficer], MinimumSigners = 3 };
        var roster = CoreTeamRoster.Create(options);
        var twoSigners = TestMembers.Sign(Samples.PrivacyCheck1(), _members.PrivacyOfficer, _members.Chair);
        var threeSigners = TestMembers.Sign(twoSigners, _members.LegalAdviser);

        Assert.Equal(DecisionVerificationStatus.ThresholdNotMet, roster.CheckSignatures(twoSigners, DecisionKind.PrivacyCheck1).Status);
        Assert.Equal(DecisionVerificationStatus.Valid, roster.CheckSignatures(threeSigners, DecisionKind.PrivacyCheck1).Status);
    }

    [Fact]
    public void CheckSignatures_ConfiguredMinimumOnly_KeepsDefaultRoles()
    {
        var options = _members.Options();
        options.PrivacyCheck1 = new DecisionThresholdOptions { MinimumSigners = 3 };

        var policy = CoreTeamRoster.Create(options).GetPolicy(DecisionKind.PrivacyCheck1);

        Assert.Equal([CoreTeamRole.PrivacyOfficer], policy.RequiredRoles);
        Assert.Equal(3, policy.MinimumSigners);
    }

    [Fact]
    public void CheckSignatures_UnknownMember_IsUnknownSigner()
    {
        using var outsider = Keys.MemberSigningKey.Generate("buiten-1", "Eva Buiten", CoreTeamRole.PrivacyOfficer);
        var decision = TestMembers.Sign(Samples.PrivacyCheck1(), _members.PrivacyOfficer, _members.Chair, outsider);

        var result = _members.Roster().CheckSignatures(decision, DecisionKind.PrivacyCheck1);

        Assert.Equal(DecisionVerificationStatus.UnknownSigner, result.Status);
        Assert.Equal(SignatureState.UnknownSigner, result.Signatures[2].State);
    }

    [Fact]
    public void CheckSignatures_SignatureOfOtherKey_IsInvalidSignature()
    {
        using var impostor = Keys.MemberSigningKey.Generate("po-1", "Dirk Privacy", CoreTeamRole.PrivacyOfficer);
        var decision = TestMembers.Sign(Samples.PrivacyCheck1(), impostor, _members.Chair);

        var result = _members.Roster().CheckSignatures(decision, DecisionKind.PrivacyCheck1);

        Assert.Equal(DecisionVerificationStatus.InvalidSignature, result.Status);
    }

    [Fact]
    public void CheckSignatures_SignatureOfOtherPayload_IsInvalidSignature()
    {
        var other = TestMembers.Sign(Samples.PrivacyCheck1(decisionId: "ander-besluit"), _members.PrivacyOfficer, _members.Chair);
        var decision = SignedDecision.Create(Samples.PrivacyCheck1()) with { Signatures = other.Signatures };

        var result = _members.Roster().CheckSignatures(decision, DecisionKind.PrivacyCheck1);

        Assert.Equal(DecisionVerificationStatus.InvalidSignature, result.Status);
    }

    [Fact]
    public void CheckSignatures_SignatureOfWrongLength_IsInvalidSignature()
    {
        var decision = TestMembers.Sign(Samples.PrivacyCheck1(), _members.Chair)
            .WithSignature(new DecisionSignature(_members.PrivacyOfficer.MemberId, new byte[63]));

        var result = _members.Roster().CheckSignatures(decision, DecisionKind.PrivacyCheck1);

        Assert.Equal(DecisionVerificationStatus.InvalidSignature, result.Status);
    }

    [Fact]
    public void CheckSignatures_SameMemberTwice_IsDuplicateSigner()
    {
        var signed = TestMembers.Sign(Samples.PrivacyCheck1(), _members.PrivacyOfficer, _members.Chair);
        var decision = signed with { Signatures = [.. signed.Signatures, signed.Signatures[0]] };

        var result = _members.Roster().CheckSignatures(decision, DecisionKind.PrivacyCheck1);

        Assert.Equal(DecisionVerificationStatus.DuplicateSigner, result.Status);
        Assert.Equal(SignatureState.Duplicate, result.Signatures[2].State);
    }

    [Fact]
    public void Create_InvalidOptions_Throws()
    {
        var options = _members.Options();
        options.Members.RemoveAll(member => member.Role == CoreTeamRole.PrivacyOfficer);

        Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => CoreTeamRoster.Create(options));
    }
}
