#include "rules/uv/index_settings.hpp"

#include <map>

#include "core/text.hpp"
#include "parse/requirements_file.hpp"
#include "rules/uv/environment_variables.hpp"
#include "rules/uv/pip_config_key.hpp"
#include "core/url_parts.hpp"

namespace pysec {
namespace {

using Kind = IndexSetting::Kind;

bool is_separator(char c, bool commas) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || (commas && c == ',');
}

// The pieces of a whitespace- (or comma-) separated value, with their offsets in `text`.
std::vector<std::pair<std::size_t, std::string_view>> split_values(std::string_view text, bool commas) {
    std::vector<std::pair<std::size_t, std::string_view>> pieces;
    std::size_t at = 0;
    while (at < text.size()) {
        while (at < text.size() && is_separator(text[at], commas)) ++at;
        std::size_t start = at;
        if (at < text.size() && text[at] == '#') {
            // Not a URL or a host: a comment someone wrote after the value, which
            // configparser keeps; skip the rest of that line.
            while (at < text.size() && text[at] != '\n') ++at;
            continue;
        }
        while (at < text.size() && !is_separator(text[at], commas)) ++at;
        if (at > start) pieces.emplace_back(start, text.substr(start, at - start));
    }
    return pieces;
}

class Collector {
public:
    explicit Collector(std::vector<IndexSetting>& out) : out_(out) {}

    // One value found inside `node` (its text searched in the node's source).
    void add_in_node(IndexSetting setting, const Document& document, const Node& node, std::string_view value) {
        setting.document = &document;
        setting.node = &node;
        setting.value = std::string(value);
        std::string_view source = document.source(node);
        auto found = value.empty() ? std::string_view::npos : source.find(value);
        if (found != std::string_view::npos) {
            setting.begin = node.begin + found;
            setting.end = setting.begin + value.size();
            setting.exact = true;
        } else {
            setting.begin = node.begin;
            setting.end = node.end;
        }
        out_.push_back(std::move(setting));
    }

    // Every value of a node: a string (split when `split`), or a list of strings.
    void add_values(const IndexSetting& base, const Document& document, const Node& node, bool split, bool commas) {
        if (node.is_sequence()) {
            for (const Node* item : node.items) {
                if (item->is_scalar()) add_in_node(base, document, *item, item->value);
            }
            return;
        }
        if (!node.is_scalar()) return;
        if (!split) {
            add_in_node(base, document, node, node.value);
            return;
        }
        for (const auto& [offset, piece] : split_values(node.value, commas)) add_in_node(base, document, node, piece);
    }

private:
    std::vector<IndexSetting>& out_;
};

IndexSetting make(Kind kind, bool uv, std::string setting, std::string origin, bool in_ci = false) {
    IndexSetting result;
    result.kind = kind;
    result.uv = uv;
    result.setting = std::move(setting);
    result.origin = std::move(origin);
    result.in_ci = in_ci;
    return result;
}

void from_requirement_files(const Project& project, std::vector<IndexSetting>& out) {
    static const std::map<std::string, Kind> kinds = {{"index-url", Kind::Index},
                                                      {"extra-index-url", Kind::ExtraIndex},
                                                      {"find-links", Kind::FindLinks},
                                                      {"trusted-host", Kind::TrustedHost}};
    for (const ProjectFile& file : project.files()) {
        if (file.kind != FileKind::Requirements || !file.document) continue;
        const Document& document = *file.document;
        RequirementsFile requirements = parse_requirements_file(document.text());
        for (const RequirementEntry& entry : requirements.entries) {
            for (const RequirementOption& option : entry.options) {
                auto kind = kinds.find(option.name);
                if (kind == kinds.end() || option.value_end <= option.value_begin) continue;
                IndexSetting setting = make(kind->second, false, "--" + option.name, "requirements file");
                setting.document = &document;
                setting.value = option.value;
                setting.begin = option.value_begin;
                setting.end = option.value_end;
                setting.exact = document.text().substr(setting.begin, setting.end - setting.begin) == option.value;
                out.push_back(std::move(setting));
            }
        }
    }
}

void from_pip_conf(const Project& project, std::vector<IndexSetting>& out) {
    static const std::map<std::string, Kind> kinds = {{"index-url", Kind::Index},
                                                      {"extra-index-url", Kind::ExtraIndex},
                                                      {"find-links", Kind::FindLinks},
                                                      {"trusted-host", Kind::TrustedHost}};
    Collector collector(out);
    for (const ProjectFile& file : project.files()) {
        if (file.kind != FileKind::PipConf || !file.document || file.failure) continue;
        const Node* root = file.document->root();
        if (!root || !root->is_mapping()) continue;
        std::string name = file.path.substr(file.path.rfind('/') == std::string::npos ? 0 : file.path.rfind('/') + 1);
        for (const Node::Entry& section : root->entries) {
            if (!section.value->is_mapping()) continue;
            for (const Node::Entry& entry : section.value->entries) {
                std::string key = pip_config_key(entry.key->value);
                auto kind = kinds.find(key);
                if (kind == kinds.end()) continue;
                IndexSetting base = make(kind->second, false, key, name + " [" + section.key->value + "]");
                collector.add_values(base, *file.document, *entry.value, true, false);
            }
        }
    }
}

struct EnvSpec {
    std::string_view name;
    Kind kind;
    bool uv;
    bool commas;
};

void from_environment(const Project& project, std::vector<IndexSetting>& out) {
    static constexpr EnvSpec specs[] = {
        {"PIP_INDEX_URL", Kind::Index, false, false},           {"PIP_EXTRA_INDEX_URL", Kind::ExtraIndex, false, false},
        {"PIP_FIND_LINKS", Kind::FindLinks, false, false},      {"PIP_TRUSTED_HOST", Kind::TrustedHost, false, false},
        {"UV_INDEX_URL", Kind::Index, true, false},             {"UV_DEFAULT_INDEX", Kind::Index, true, false},
        {"UV_EXTRA_INDEX_URL", Kind::ExtraIndex, true, false},  {"UV_INDEX", Kind::ExtraIndex, true, false},
        {"UV_FIND_LINKS", Kind::FindLinks, true, true},         {"UV_INSECURE_HOST", Kind::InsecureHost, true, false},
        {"UV_INDEX_STRATEGY", Kind::IndexStrategy, true, false},
    };
    Collector collector(out);
    for_each_environment_variable(project, [&](const EnvironmentVariable& variable) {
        for (const EnvSpec& spec : specs) {
            if (variable.key.value != spec.name) continue;
            IndexSetting base = make(spec.kind, spec.uv, std::string(spec.name), variable.scope + " env", variable.in_ci);
            if (!literal_environment_value(variable.value)) {
                if (!variable.value.is_scalar() || variable.value.value.empty()) return;
                base.opaque = true;
                collector.add_in_node(base, variable.document, variable.value, variable.value.value);
                return;
            }
            if (spec.name == "UV_INDEX" || spec.name == "UV_DEFAULT_INDEX") {
                // `name=url` pieces: keep the URL.
                for (const auto& [offset, piece] : split_values(variable.value.value, false)) {
                    auto equals = piece.find('=');
                    std::string_view url = equals != std::string_view::npos && piece.find("://") > equals
                                               ? piece.substr(equals + 1)
                                               : piece;
                    collector.add_in_node(base, variable.document, variable.value, url);
                }
                return;
            }
            collector.add_values(base, variable.document, variable.value, spec.kind != Kind::IndexStrategy, spec.commas);
        }
    });
}

void from_uv_table(const UvSettings& settings, const UvSettingsTable& table, bool pip, Collector& collector,
                   bool metadata_only) {
    const Document& document = *settings.document;
    std::string origin = settings.is_uv_toml() ? (pip ? "`[pip]` of " + settings.path : settings.path)
                                               : std::string(pip ? "`[tool.uv.pip]` of " : "`[tool.uv]` of ") + settings.path;
    for (const UvIndex& index : table.indexes) {
        if (!index.url || !index.url->is_scalar()) continue;
        Kind kind = index.is_default() ? Kind::Index : index.is_explicit() ? Kind::ExplicitIndex : Kind::ExtraIndex;
        std::string name = settings.is_uv_toml() ? (pip ? "[[pip.index]]" : "[[index]]")
                                                 : (pip ? "[[tool.uv.pip.index]]" : "[[tool.uv.index]]");
        IndexSetting base = make(kind, true, name, origin);
        base.index = &index;
        collector.add_in_node(base, document, *index.url, index.url->value);
    }
    if (metadata_only) return;
    struct Key {
        const Node* value;
        const char* name;
        Kind kind;
    };
    for (const Key& key : {Key{table.index_url, "index-url", Kind::Index}, Key{table.extra_index_url, "extra-index-url", Kind::ExtraIndex},
                           Key{table.find_links, "find-links", Kind::FindLinks},
                           Key{table.allow_insecure_host, "allow-insecure-host", Kind::InsecureHost},
                           Key{table.index_strategy, "index-strategy", Kind::IndexStrategy}}) {
        if (!key.value) continue;
        IndexSetting base = make(key.kind, true, key.name, origin);
        collector.add_values(base, document, *key.value, false, false);
    }
}

void from_uv_settings(const std::vector<UvSettings>& all, std::vector<IndexSetting>& out) {
    Collector collector(out);
    for (const UvSettings& settings : all) {
        // A shadowed [tool.uv] still declares the project's indexes (uv reads
        // them as project metadata), but its other settings are ignored.
        from_uv_table(settings, settings.top, false, collector, settings.shadowed);
        if (settings.pip.table) from_uv_table(settings, settings.pip, true, collector, settings.shadowed);
    }
}

}  // namespace

std::vector<IndexSetting> collect_index_settings(const Project& project, const std::vector<UvSettings>& settings) {
    std::vector<IndexSetting> result;
    from_requirement_files(project, result);
    from_pip_conf(project, result);
    from_environment(project, result);
    from_uv_settings(settings, result);
    return result;
}

bool is_pypi_url(std::string_view url) {
    auto parts = parse_url(url);
    return parts && (parts->host == "pypi.org" || parts->host == "pypi.python.org" ||
                     parts->host == "files.pythonhosted.org");
}

}  // namespace pysec
