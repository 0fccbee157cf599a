import ArgumentParser

@main
struct Samenspel: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "samenspel",
        abstract: "A brainstorm board for a workshop room, served from this laptop.",
        subcommands: [ServeCommand.self, CheckCommand.self, ClusterCommand.self, ExportCommand.self, ImportCommand.self],
        defaultSubcommand: ServeCommand.self)
}
