import ChisoCore
import ChisoIO
import ChisoTestSupport
import Foundation
import Testing

struct DatasetLibraryTests {
    @Test func searchOrderPutsExplicitFolderAndEnvironmentFirst() {
        #expect(DatasetLibrary.candidates(explicit: "/data", environment: ["CHISO_DATASETS": "/env"], executablePath: "/opt/chiso/bin/chiso") == ["/data"])
        let candidates = DatasetLibrary.candidates(explicit: nil, environment: ["CHISO_DATASETS": "/env"], executablePath: "/opt/chiso/bin/chiso")
        #expect(Array(candidates.prefix(4)) == ["/env", "/opt/chiso/bin/datasets", "/opt/chiso/bin/../share/chiso/datasets", "/opt/chiso/datasets"])
        #expect(candidates.last == DatasetLibrary.packageDatasetsFolder)
    }

    @Test func locatesTheRepositoryDatasets() throws {
        let library = try DatasetLibrary.locate(explicit: nil, environment: [:], executablePath: "/nowhere/chiso")
        #expect(library.root == Fixtures.datasetsFolder)
        #expect(throws: DataError.self) { try DatasetLibrary.locate(explicit: "/no/such/folder") }
    }

    /// A dataset of one province's departments declares its own units with aliases.
    @Test func datasetWithDeclaredUnits() throws {
        let root = try Fixtures.temporaryFolder()
        try FileManager.default.copyItem(atPath: Fixtures.datasetsFolder + "/provinces", toPath: root + "/provinces")
        try FileManager.default.createDirectory(atPath: root + "/so", withIntermediateDirectories: true)
        let metadata = """
        {"name": "so", "title": {"vi": "Chỉ số CCHC các sở", "en": "Departments' PAR index"}, "kind": "panel",
         "units": "custom", "declaredUnits": [{"code": "SNV", "name": "Sở Nội vụ", "aliases": ["Nội vụ"]}, {"code": "STP", "name": "Sở Tư pháp"}],
         "data": "data.csv", "sources": [{"title": "Báo cáo", "url": null}], "coverage": null,
         "indicators": [{"id": "total", "label": {"vi": "Tổng điểm", "en": "Total"}, "measure": "points", "higherIsBetter": true, "maxPoints": {"2023": 98}}]}
        """
        try Data(metadata.utf8).write(to: URL(fileURLWithPath: root + "/so/dataset.json"))
        try Data("unit,period,indicator,value\nNội vụ,2023,total,93.364\nSTP,2023,total,90.5\n".utf8).write(to: URL(fileURLWithPath: root + "/so/data.csv"))
        let library = DatasetLibrary(root: root)
        let (panel, loaded, _) = try library.loadPanel("so", registry: try library.provinceRegistry())
        #expect(panel.unitSystem.id == "so")
        #expect(panel.units.map(\.code) == ["SNV", "STP"])
        #expect(panel.value(unit: 0, period: 0, indicator: 0) == 93.364)
        #expect(loaded.indicators[0].maximum(in: 2023) == 98)
        #expect(loaded.indicators[0].maximum(in: 2022) == nil)
        try Data("unit,period,indicator,value\nSở Y tế,2023,total,80\n".utf8).write(to: URL(fileURLWithPath: root + "/so/data.csv"))
        #expect(throws: DataError.self) { try library.loadPanel("so", registry: try library.provinceRegistry()) }
    }
}
