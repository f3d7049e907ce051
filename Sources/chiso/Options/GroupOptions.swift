import ArgumentParser
import ChisoAnalysis
import ChisoCore
import ChisoIO

/// `--unit-group`: the group of units of a scorecard (departments, districts, central agencies),
/// which a province ranks separately.
struct GroupOptions: ParsableArguments {
    @Option(name: .customLong("unit-group"), help: "The group of units to analyse when the file ranks its units in groups (a group or level column: department, district…).")
    var group: String?
}

extension DataSession {
    /// The panel as a scorecard's analyses must see it (`PanelAnalysis.scorecardView`): one
    /// group's units, values in % of each unit's maximum where the maxima differ. What changed is
    /// said on stderr even with -q, since it changes what the numbers mean.
    func loadScorecardPanel(_ argument: String, merger: MergerOptions? = nil, filter: PanelFilter = PanelFilter(), group: GroupOptions,
                            language: Language) throws -> Panel {
        let panel = try merger.map { try loadPanel(argument, merger: $0, filter: filter) } ?? loadPanel(argument, filter: filter)
        let view = try PanelAnalysis.scorecardView(panel, group: group.group)
        if let note = view.note { Diagnostics.note(note.text(language)) }
        return view.panel
    }
}
