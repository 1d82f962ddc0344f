import Foundation
import RapportGraphviz

// The render worker: DOT on stdin, `ENGINE FORMAT` in argv, the rendered bytes on stdout.
exit(RenderWorker.main(arguments: Array(CommandLine.arguments.dropFirst())))
