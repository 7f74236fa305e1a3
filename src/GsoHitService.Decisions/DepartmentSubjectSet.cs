namespace GsoHitService.Decisions;

/// <summary>
/// One department that a privacy check 1 decision allows to be asked, with the digest of exactly
/// the subject tokens that it may be asked about.
/// </summary>
/// <param name="Department">Department code, for example <c>brp</c>.</param>
/// <param name="Subjects">Digest and count of the department's subject tokens.</param>
public sealed record DepartmentSubjectSet(string Department, SubjectSetDigest Subjects);
