import ChisoCore
import Foundation
import ZIPFoundation

/// An Office Open XML package (a ZIP of XML parts) assembled in memory: the `.xlsx` and `.docx`
/// files chiso writes.
public enum OfficePackage {
    /// The package's bytes from its parts, each deflated.
    /// - Throws: `DataError.unwritable` when the archive cannot be assembled.
    public static func archive(_ parts: [(path: String, data: Data)], kind: String) throws(DataError) -> Data {
        do {
            let archive = try Archive(accessMode: .create)
            for (path, data) in parts {
                try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else { throw DataError.unwritable(path: "<\(kind)>", reason: "the package could not be assembled") }
            return data
        } catch let error as DataError {
            throw error
        } catch {
            throw .unwritable(path: "<\(kind)>", reason: "the package could not be assembled: \(error)")
        }
    }
}
