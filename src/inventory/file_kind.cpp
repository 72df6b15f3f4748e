#include "inventory/file_kind.hpp"

#include <array>
#include <utility>

#include "core/text.hpp"

namespace pysec {
namespace {

constexpr std::array kind_names = {
    std::pair{FileKind::Workflow, std::string_view{"workflow"}},
    std::pair{FileKind::Action, std::string_view{"action"}},
    std::pair{FileKind::Dependabot, std::string_view{"dependabot"}},
    std::pair{FileKind::Renovate, std::string_view{"renovate"}},
    std::pair{FileKind::PackageJson, std::string_view{"package-json"}},
    std::pair{FileKind::PreCommit, std::string_view{"pre-commit"}},
    std::pair{FileKind::Pyproject, std::string_view{"pyproject"}},
    std::pair{FileKind::UvToml, std::string_view{"uv-toml"}},
    std::pair{FileKind::UvLock, std::string_view{"uv-lock"}},
    std::pair{FileKind::Pylock, std::string_view{"pylock"}},
    std::pair{FileKind::Requirements, std::string_view{"requirements"}},
    std::pair{FileKind::PipConf, std::string_view{"pip-conf"}},
    std::pair{FileKind::Pypirc, std::string_view{"pypirc"}},
    std::pair{FileKind::EnvFile, std::string_view{"env-file"}},
    std::pair{FileKind::Devcontainer, std::string_view{"devcontainer"}},
};

std::string_view basename_of(std::string_view path) {
    auto slash = path.rfind('/');
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string_view dirname_of(std::string_view path) {
    auto slash = path.rfind('/');
    return slash == std::string_view::npos ? std::string_view{} : path.substr(0, slash);
}

bool is_yaml_name(std::string_view name) { return name.ends_with(".yml") || name.ends_with(".yaml"); }

bool is_one_of(std::string_view name, std::initializer_list<std::string_view> names) {
    for (auto candidate : names) {
        if (name == candidate) return true;
    }
    return false;
}

// Kinds recognised by file name wherever the file is.
std::optional<FileKind> classify_by_name_anywhere(std::string_view name) {
    if (is_one_of(name, {"action.yml", "action.yaml"})) return FileKind::Action;
    if (name == "pyproject.toml") return FileKind::Pyproject;
    if (name == "uv.toml") return FileKind::UvToml;
    if (name == "uv.lock") return FileKind::UvLock;
    if (name == "pylock.toml" || (name.starts_with("pylock.") && name.ends_with(".toml"))) return FileKind::Pylock;
    if (is_one_of(name, {"pip.conf", "pip.ini"})) return FileKind::PipConf;
    if (name == ".pypirc") return FileKind::Pypirc;
    if (name == ".env" || name.starts_with(".env.")) return FileKind::EnvFile;
    if (name == ".devcontainer.json") return FileKind::Devcontainer;
    if (name.ends_with(".txt")) {
        std::string lower = to_lower(name);
        if (lower.find("requirements") != std::string::npos || lower.starts_with("constraints")) {
            return FileKind::Requirements;
        }
    }
    return std::nullopt;
}

}  // namespace

std::string_view to_string(FileKind kind) {
    for (const auto& [value, name] : kind_names) {
        if (value == kind) return name;
    }
    return "unknown";
}

std::optional<FileKind> classify_path(std::string_view path) {
    std::string_view name = basename_of(path);
    std::string_view directory = dirname_of(path);

    // GitHub reads workflows only directly inside .github/workflows.
    if (directory == ".github/workflows" && is_yaml_name(name)) return FileKind::Workflow;
    if (directory == ".github" && is_one_of(name, {"dependabot.yml", "dependabot.yaml"})) {
        return FileKind::Dependabot;
    }
    if ((directory.empty() || directory == ".github" || directory == ".gitlab") &&
        is_one_of(name, {"renovate.json", "renovate.json5"})) {
        return FileKind::Renovate;
    }
    if (directory.empty() && is_one_of(name, {".renovaterc", ".renovaterc.json", ".renovaterc.json5"})) {
        return FileKind::Renovate;
    }
    if (directory.empty() && name == "package.json") return FileKind::PackageJson;
    if (directory.empty() && is_one_of(name, {".pre-commit-config.yaml", ".pre-commit-config.yml"})) {
        return FileKind::PreCommit;
    }
    if (name == "devcontainer.json" &&
        (directory == ".devcontainer" || dirname_of(directory) == ".devcontainer")) {
        return FileKind::Devcontainer;
    }
    if (name.ends_with(".txt") && (directory == "requirements" || directory.ends_with("/requirements"))) {
        return FileKind::Requirements;
    }
    return classify_by_name_anywhere(name);
}

std::optional<FileKind> classify_named_file(std::string_view path) {
    std::string_view name = basename_of(path);
    if (is_one_of(name, {"dependabot.yml", "dependabot.yaml"})) return FileKind::Dependabot;
    if (is_one_of(name, {"renovate.json", "renovate.json5", ".renovaterc", ".renovaterc.json",
                         ".renovaterc.json5"})) {
        return FileKind::Renovate;
    }
    if (name == "package.json") return FileKind::PackageJson;
    if (is_one_of(name, {".pre-commit-config.yaml", ".pre-commit-config.yml"})) return FileKind::PreCommit;
    if (name == "devcontainer.json") return FileKind::Devcontainer;
    if (auto kind = classify_path(path)) return kind;
    if (is_yaml_name(name)) return FileKind::Workflow;
    return std::nullopt;
}

DocumentFormat format_of(FileKind kind) {
    switch (kind) {
        case FileKind::Workflow:
        case FileKind::Action:
        case FileKind::Dependabot:
        case FileKind::PreCommit: return DocumentFormat::Yaml;
        case FileKind::Renovate:
            // JSON with comments, unless the name says JSON5 (see the overload below).
            return DocumentFormat::Json;
        case FileKind::PackageJson:
        case FileKind::Devcontainer: return DocumentFormat::Json;
        case FileKind::Pyproject:
        case FileKind::UvToml:
        case FileKind::UvLock:
        case FileKind::Pylock: return DocumentFormat::Toml;
        case FileKind::PipConf:
        case FileKind::Pypirc: return DocumentFormat::Ini;
        case FileKind::Requirements:
        case FileKind::EnvFile: return DocumentFormat::Text;
    }
    return DocumentFormat::Text;
}

DocumentFormat format_of(FileKind kind, std::string_view path) {
    std::string_view name = basename_of(path);
    if (kind == FileKind::Renovate && (name.ends_with(".json5") || name == ".renovaterc")) return DocumentFormat::Json5;
    return format_of(kind);
}

}  // namespace pysec
