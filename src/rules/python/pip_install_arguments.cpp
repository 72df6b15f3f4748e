#include "rules/python/pip_install_arguments.hpp"

#include <algorithm>
#include <cctype>

namespace pysec {
namespace {

// Options of `pip install` and `uv pip install` that take a value.  Those that
// carry an operand or a requirement file are handled apart.
constexpr std::string_view options_with_values[] = {
    "-c", "--constraint", "--constraints", "-t", "--target", "--platform", "--python-version", "--implementation",
    "--abi", "--root", "--prefix", "--src", "--upgrade-strategy", "-C", "--config-settings", "--config-setting",
    "--config-settings-package", "--global-option", "--no-binary", "--only-binary", "--progress-bar",
    "--root-user-action", "--report", "-i", "--index-url", "--extra-index-url", "--index", "--default-index", "-f",
    "--find-links", "--log", "--proxy", "--retries", "--timeout", "--exists-action", "--trusted-host", "--cert",
    "--client-cert", "--cache-dir", "--use-feature", "--use-deprecated", "--python", "-p", "--keyring-provider",
    "--resume-retries", "--build-constraint", "--build-constraints", "-b", "--uploaded-prior-to", "--overrides",
    "--override", "--excludes", "--extra", "--index-strategy", "--resolution", "--prerelease", "--fork-strategy",
    "--exclude-newer", "--exclude-newer-package", "--no-build-package", "--no-binary-package",
    "--no-build-isolation-package", "--link-mode", "--python-platform", "--torch-backend", "--reinstall-package",
    "-P", "--upgrade-package", "--refresh-package", "--directory", "--project", "--config-file", "--color",
    "--allow-insecure-host", "--python-preference"};

bool takes_value(std::string_view option) {
    return std::find(std::begin(options_with_values), std::end(options_with_values), option) !=
           std::end(options_with_values);
}

constexpr std::string_view requirement_options[] = {"-r", "--requirement", "--requirements"};
constexpr std::string_view editable_options[] = {"-e", "--editable"};
constexpr std::string_view group_options[] = {"--group"};

// The value of `arguments[i]` if it is one of `names` (separate, `=` or glued
// short form); advances `i` past a separate value.
template <std::size_t N>
bool take_option(const std::vector<const shell::Word*>& arguments, std::size_t& i, const std::string_view (&names)[N],
                 const shell::Word*& word, std::string& value) {
    std::string_view text = arguments[i]->text;
    for (std::string_view name : names) {
        if (text == name) {
            if (i + 1 >= arguments.size()) return false;
            ++i;
            word = arguments[i];
            value = word->text;
            return true;
        }
        if (text.size() > name.size() && text.starts_with(name)) {
            if (text[name.size()] == '=') {
                word = arguments[i];
                value = std::string(text.substr(name.size() + 1));
                return true;
            }
            if (!name.starts_with("--")) {
                word = arguments[i];
                value = std::string(text.substr(name.size()));
                return true;
            }
        }
    }
    return false;
}

bool is_local_location(std::string_view text) {
    return text.starts_with(".") || text.starts_with("/") || text.starts_with("~") || text.starts_with("file:") ||
           (text.size() > 2 && std::isalpha(static_cast<unsigned char>(text[0])) && text[1] == ':' &&
            (text[2] == '\\' || text[2] == '/'));
}

bool ends_with_archive(std::string_view text) {
    for (std::string_view suffix : {".whl", ".tar.gz", ".zip", ".tgz", ".tar.bz2", ".tar.xz"}) {
        if (text.size() > suffix.size() && text.ends_with(suffix)) return true;
    }
    return false;
}

}  // namespace

InstallOperand classify_install_operand(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
    if (text.empty() || text.front() == '$') return InstallOperand::Unknown;
    // PEP 508 direct reference: `name @ url-or-path`
    if (auto at = text.find('@'); at != std::string_view::npos && text.find("://") == std::string_view::npos) {
        std::string_view target = text.substr(at + 1);
        while (!target.empty() && target.front() == ' ') target.remove_prefix(1);
        if (!target.empty() && (is_local_location(target) || target.front() == '$')) {
            return is_local_location(target) ? InstallOperand::LocalPath : InstallOperand::Unknown;
        }
    }
    if (auto scheme = text.find("://"); scheme != std::string_view::npos) {
        std::string_view url = text;
        if (auto at = text.find(" @ "); at != std::string_view::npos && at < scheme) url = text.substr(at + 3);
        while (!url.empty() && url.front() == ' ') url.remove_prefix(1);
        return url.starts_with("file:") ? InstallOperand::LocalPath : InstallOperand::Url;
    }
    if (is_local_location(text)) return InstallOperand::LocalPath;
    if (text.find('/') != std::string_view::npos || text.find('\\') != std::string_view::npos ||
        ends_with_archive(text)) {
        return InstallOperand::LocalPath;
    }
    if (std::isalnum(static_cast<unsigned char>(text.front()))) return InstallOperand::IndexPackage;
    return InstallOperand::Unknown;
}

bool PipInstallArguments::has(InstallOperand kind) const {
    return std::any_of(operands.begin(), operands.end(), [&](const Operand& operand) { return operand.kind == kind; });
}

PipInstallArguments read_pip_install_arguments(const std::vector<const shell::Word*>& arguments,
                                               bool positional_files) {
    PipInstallArguments result;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        std::string_view text = arguments[i]->text;
        const shell::Word* word = nullptr;
        std::string value;
        if (text == "--") continue;
        if (text.size() > 1 && text.front() == '-') {
            if (take_option(arguments, i, requirement_options, word, value)) {
                result.requirement_files.push_back({word, value});
            } else if (take_option(arguments, i, editable_options, word, value)) {
                result.operands.push_back({word, classify_install_operand(value)});
            } else if (take_option(arguments, i, group_options, word, value)) {
                result.dependency_groups = true;
            } else if (text == "--require-hashes") {
                result.require_hashes = true;
            } else if (text == "--no-index" || text == "--offline") {
                result.no_index = true;
            } else if (text == "--no-deps") {
                result.no_deps = true;
            } else if (text.find('=') == std::string_view::npos && takes_value(text)) {
                ++i;
            }
            continue;
        }
        if (positional_files) {
            result.requirement_files.push_back({arguments[i], std::string(text)});
        } else {
            result.operands.push_back({arguments[i], classify_install_operand(text)});
        }
    }
    return result;
}

}  // namespace pysec
