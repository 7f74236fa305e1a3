namespace GsoHitService.Demo.Data;

/// <summary>
/// Hands out generated kentekens that are unique across all exports and never equal to a
/// scenario plate, so that a scenario plate is found only where the scenario puts it.
/// </summary>
internal sealed class LicencePlateRegistry
{
    private readonly HashSet<string> _used = new(StringComparer.Ordinal) { ScenarioFacts.VanPlate, ScenarioFacts.FormerCarPlate };

    public string Next(DeterministicRandom random)
    {
        while (true)
        {
            var plate = LicencePlateGenerator.Next(random);
            if (_used.Add(plate))
            {
                return plate;
            }
        }
    }
}
