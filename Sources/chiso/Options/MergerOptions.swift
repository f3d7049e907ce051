import ArgumentParser
import ChisoIO
import ChisoAnalysis
import ChisoCore

/// `--as-2025`: a 63-province panel mapped onto the 34 provinces in force from 1 July 2025.
struct MergerOptions: ParsableArguments {
    @Flag(name: .customLong("as-2025"), help: "Map the 63 provinces onto the 34 of 1 July 2025: counts summed, scores averaged (weighted with --weights or --weight-indicator).")
    var as2025 = false

    @Option(help: "With --as-2025: a CSV of unit,weight (e.g. population) for the weighted mean of scores.")
    var weights: String?

    @Option(name: .customLong("weight-indicator"), help: "With --as-2025: an indicator of the same dataset to weight the mean of scores by, per year.")
    var weightIndicator: String?

    func validate() throws {
        if weights != nil && weightIndicator != nil { throw ValidationError("--weights and --weight-indicator exclude each other") }
        if !as2025 && (weights != nil || weightIndicator != nil) { throw ValidationError("--weights and --weight-indicator apply with --as-2025") }
    }
}

extension DataSession {
    /// Loads a panel and, with `--as-2025`, rebases it onto the 34 provinces, saying on stderr
    /// which rule each indicator followed.
    /// The filter applies only without `--as-2025` (weights may come from another indicator).
    func loadPanel(_ argument: String, merger: MergerOptions, filter: PanelFilter = PanelFilter()) throws -> Panel {
        let panel = try loadPanel(argument, filter: merger.as2025 ? PanelFilter() : filter)
        guard merger.as2025 else { return panel }
        let rebased = try rebase(panel, weightsFile: merger.weights, weightIndicator: merger.weightIndicator)
        // The rule is part of the result, not a load note: it is printed even with -q.
        Diagnostics.note(rebased.summary)
        return rebased.panel
    }

    /// The panel rebased onto the 34 provinces, scores weighted by a `unit,weight` file or an indicator.
    func rebase(_ panel: Panel, weightsFile: String?, weightIndicator: String?) throws -> RebasedPanel {
        guard let registry else { throw RebaseError.notOn63Provinces(panel: panel.name, system: panel.unitSystem.id) }
        let weights: RebaseWeights
        if let file = weightsFile {
            weights = try RebaseWeights.read(path: file, registry: registry, decimal: input.decimal == .decimalComma ? .comma : .point)
        } else if let id = weightIndicator {
            weights = .indicator(id)
        } else {
            weights = .none
        }
        return try PanelAnalysis.rebaseTo2025(panel, registry: registry, weights: weights)
    }
}
