#pragma once
// Everything the rules may look at: every collected file, parsed once, and the
// typed views built on top.  Built by the scanner; read-only to rules.

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "inventory/file_kind.hpp"
#include "model/dependabot.hpp"
#include "model/workflow.hpp"
#include "parse/parse.hpp"

namespace pysec {

struct ProjectFile {
    std::string path;
    FileKind kind = FileKind::Workflow;
    std::unique_ptr<Document> document;  // null when the file could not be read at all
    std::optional<ParseFailure> failure;  // set when it could not be parsed (or read)
};

class Project {
public:
    void add_file(ProjectFile file);
    // Builds the typed views; call once after the last add_file.
    void build_models();

    const std::vector<ProjectFile>& files() const { return files_; }
    const std::vector<Workflow>& workflows() const { return workflows_; }
    const std::vector<ActionDefinition>& actions() const { return actions_; }
    const std::vector<DependabotConfig>& dependabot_configs() const { return dependabot_; }

    // False when only named files are scanned: repository-wide rules
    // (coverage, "nothing audits the workflows") then have nothing to judge.
    bool is_whole_repository() const { return whole_repository_; }
    void set_whole_repository(bool whole) { whole_repository_ = whole; }

    const Document* document(std::string_view path) const;
    std::vector<const Document*> documents() const;
    bool has_kind(FileKind kind) const;

private:
    std::vector<ProjectFile> files_;
    bool whole_repository_ = true;
    std::unordered_map<std::string, std::size_t> index_by_path_;
    std::vector<Workflow> workflows_;
    std::vector<ActionDefinition> actions_;
    std::vector<DependabotConfig> dependabot_;
};

}  // namespace pysec
