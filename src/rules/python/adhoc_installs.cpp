#include "rules/python/adhoc_installs.hpp"

#include <algorithm>
#include <cctype>

#include "rules/python/tool_runners.hpp"

namespace pysec {
namespace {

using Words = std::vector<const shell::Word*>;

bool is_local_or_unknown(std::string_view text) {
    if (text.empty() || text.front() == '$' || text.front() == '.' || text.front() == '/' || text.front() == '~') {
        return true;
    }
    if (text.starts_with("file:") || text.starts_with("link:") || text.starts_with("workspace:")) return true;
    for (std::string_view suffix : {".tgz", ".tar.gz", ".gem", ".crate"}) {
        if (text.ends_with(suffix)) return true;
    }
    return false;
}

// The operands after the subcommand at `arguments[start]`, skipping options and their values.
Words operands_after(const Words& arguments, std::size_t start, const std::vector<std::string_view>& options) {
    Words operands;
    for (auto index = next_operand(arguments, start, options); index; index = next_operand(arguments, *index + 1, options)) {
        operands.push_back(arguments[*index]);
    }
    return operands;
}

Words named_packages(const Words& operands) {
    Words packages;
    for (const shell::Word* word : operands) {
        if (!is_local_or_unknown(word->text)) packages.push_back(word);
    }
    return packages;
}

std::optional<std::size_t> index_of(const Words& arguments, const shell::Word* word) {
    auto at = std::find(arguments.begin(), arguments.end(), word);
    if (at == arguments.end()) return std::nullopt;
    return static_cast<std::size_t>(at - arguments.begin());
}

const std::vector<std::string_view> node_options = {"--prefix", "--registry", "-w", "--workspace", "--omit",
                                                    "--include", "--tag", "--cwd", "--filter", "-C", "--dir",
                                                    "--location", "--cache", "--userconfig"};
const std::vector<std::string_view> gem_options = {"-v", "--version", "-i", "--install-dir", "-n", "--bindir",
                                                   "--source", "-s", "-P", "--trust-policy", "--platform"};
const std::vector<std::string_view> cargo_options = {"--version", "--vers", "--git", "--branch", "--tag", "--rev",
                                                     "--path", "--root", "--index", "--registry", "--target",
                                                     "--features", "-F", "--profile", "--bin", "--example", "-j",
                                                     "--jobs", "--target-dir", "--config", "-Z", "--color"};
const std::vector<std::string_view> go_options = {"-C", "-p", "-tags", "-ldflags", "-gcflags", "-mod", "-o"};

bool npm_install_verb(std::string_view verb) {
    for (std::string_view alias : {"install", "i", "add", "in", "ins", "inst", "insta", "instal", "isnt", "isntall"}) {
        if (verb == alias) return true;
    }
    return false;
}

std::optional<AdhocInstall> node_install(const shell::Invocation& invocation) {
    const std::string& program = invocation.program;
    const Words& arguments = invocation.arguments;
    auto verb_index = next_operand(arguments, 0, node_options);
    if (!verb_index) return std::nullopt;
    std::string verb = arguments[*verb_index]->text;
    std::size_t start = *verb_index + 1;
    if (program == "yarn" && verb == "global") {
        auto next = next_operand(arguments, start, node_options);
        if (!next || arguments[*next]->text != "add") return std::nullopt;
        verb = "global add";
        start = *next + 1;
    } else if (program == "npm" ? !npm_install_verb(verb)
                                : !(verb == "add" || ((program == "pnpm" || program == "bun") &&
                                                      (verb == "install" || verb == "i")))) {
        return std::nullopt;
    }
    AdhocInstall install{program + " " + verb, named_packages(operands_after(arguments, start, node_options)), false};
    if (install.packages.empty()) return std::nullopt;
    install.self_update = std::all_of(install.packages.begin(), install.packages.end(), [&](const shell::Word* word) {
        return package_name(word->text.starts_with("@") ? std::string_view(word->text).substr(1) : word->text) ==
               program;
    });
    return install;
}

std::optional<AdhocInstall> gem_install(const shell::Invocation& invocation) {
    const shell::Word* verb = shell::first_operand(invocation);
    if (!verb || verb->text != "install") return std::nullopt;
    auto start = index_of(invocation.arguments, verb);
    AdhocInstall install{"gem install", named_packages(operands_after(invocation.arguments, *start + 1, gem_options)),
                         false};
    if (install.packages.empty()) return std::nullopt;
    return install;
}

// cargo install: reproducible only with a version and `--locked` (the crate's own Cargo.lock).
std::optional<AdhocInstall> cargo_install(const shell::Invocation& invocation) {
    const shell::Word* verb = shell::first_operand(invocation);
    if (!verb || verb->text != "install") return std::nullopt;
    const Words& arguments = invocation.arguments;
    if (option_value(arguments, {"--path"})) return std::nullopt;
    bool locked = shell::has_argument(invocation, "--locked") || shell::has_argument(invocation, "--frozen");
    bool versioned = option_value(arguments, {"--version", "--vers", "--rev"}).has_value();
    auto start = index_of(arguments, verb);
    Words crates = named_packages(operands_after(arguments, *start + 1, cargo_options));
    if (option_value(arguments, {"--git"}) && crates.empty()) {
        if (auto git = option_value(arguments, {"--git"}); git && git->word) crates.push_back(git->word);
    }
    Words unpinned;
    for (const shell::Word* crate : crates) {
        bool pinned = versioned || crate->text.find('@') != std::string::npos;
        if (!(pinned && locked)) unpinned.push_back(crate);
    }
    if (unpinned.empty()) return std::nullopt;
    return AdhocInstall{"cargo install", unpinned, false};
}

// go install: `mod@v1.2.3` is immutable and checked against the checksum
// database; `@latest`, `@master` and other branch names move.
std::optional<AdhocInstall> go_install(const shell::Invocation& invocation) {
    const shell::Word* verb = shell::first_operand(invocation);
    if (!verb || verb->text != "install") return std::nullopt;
    auto start = index_of(invocation.arguments, verb);
    Words moving;
    for (const shell::Word* word : operands_after(invocation.arguments, *start + 1, go_options)) {
        auto at = word->text.rfind('@');
        if (at == std::string::npos) continue;  // a package of the current module
        std::string_view version = std::string_view(word->text).substr(at + 1);
        bool semver = version.size() > 1 && version[0] == 'v' && std::isdigit(static_cast<unsigned char>(version[1]));
        if (!semver && !version.starts_with("$")) moving.push_back(word);
    }
    if (moving.empty()) return std::nullopt;
    return AdhocInstall{"go install", moving, false};
}

}  // namespace

std::optional<AdhocInstall> adhoc_install(const shell::Invocation& invocation) {
    const std::string& program = invocation.program;
    if (program == "npm" || program == "yarn" || program == "pnpm" || program == "bun") return node_install(invocation);
    if (program == "gem") return gem_install(invocation);
    if (program == "cargo") return cargo_install(invocation);
    if (program == "go") return go_install(invocation);
    return std::nullopt;
}

}  // namespace pysec
