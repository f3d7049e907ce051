/// Analyses of an indicator panel (unit × period × indicator): each takes a `Panel` and a request
/// and returns a result type whose `table` is what the command line prints.
///
/// ```swift
/// let ranking = try PanelAnalysis.rank(panel, RankRequest(indicator: "PAR_INDEX", period: .year(2023)))
/// print(ranking.rows.first?.unit.name ?? "–")
/// ```
public enum PanelAnalysis {}

/// Analyses of dossier aggregates (one row per unit and period with the dossier counts): whether a
/// report adds up, its rates under each convention, and the counts a target rate requires.
public enum DossierAnalysis {}

/// Analyses of many anonymous series at once (a wide file of series), spread over the cores.
public enum SeriesAnalysis {}

/// Analyses of named numeric variables observed on the same rows: least-squares regression.
public enum VariableAnalysis {}
