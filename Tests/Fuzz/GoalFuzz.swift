// libFuzzer entry point for JSON goal files: `Goal`'s decoding, which `rapport suggest --goal-file
// x.json` runs on the file's bytes. (TOML goal files go through `TOMLParser`, fuzzed by fuzz-toml.)
// A decoded goal is then used as the suggestion engine uses it: every list and weight is read and
// the goal round-trips through JSON unchanged. Built by Tests/Fuzz/build.sh; not part of the package.

import Foundation
import Rapport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGoal(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    guard let goal = try? JSONDecoder().decode(Goal.self, from: bytes) else { return 0 }
    let lists = [goal.sectors, goal.keywords, goal.organizations, goal.locations, goal.seniority]
    precondition(lists.allSatisfy { list in list.allSatisfy { $0.utf8.count <= size } }, "a value longer than the file")
    // Encoding what was decoded and decoding it again gives the same goal (no lossy field).
    if let encoded = try? JSONEncoder().encode(goal) {
        let again = try? JSONDecoder().decode(Goal.self, from: encoded)
        precondition(again == goal, "a goal that does not round-trip through JSON")
    }
    return 0
}
