using System.Resources;

// Dutch is the neutral language: users are Dutch municipal staff; English comes from satellite resources.
[assembly: NeutralResourcesLanguage("nl")]
