#pragma once
// Everything the rules may look at: every collected file, parsed once, and the
// typed views built on top.  Built by the scanner; read-only to rules.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "inventory/file_kind.hpp"
#include "model/dependabot.hpp"
#include "model/pylock.hpp"
#include "model/requirements.hpp"
#include "model/uv_lock.hpp"
#include "model/workflow.hpp"
#include "parse/parse.hpp"

namespace pysec {

struct ProjectFile {
    std::string path;
    FileKind kind = FileKind::Workflow;
    std::unique_ptr<Document> document;  // null when the file could not be read at all
    std::optional<ParseFailure> failure;  // set when it could not be parsed (or read)
    // When the file last changed, from git history (seconds since the epoch):
    // set by the scanner for lock files, nullopt when the source has no history.
    std::optional<std::int64_t> last_change_time;
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
    const std::vector<UvLock>& uv_locks() const { return uv_locks_; }
    const std::vector<Pylock>& pylocks() const { return pylocks_; }
    const std::vector<RequirementDocument>& requirement_documents() const { return requirement_documents_; }
    const RequirementDocument* requirement_document(std::string_view path) const;

    // Lock files of tools whose files are not collected (poetry.lock, pdm.lock):
    // their presence is all the rules need.  Set by the scanner.
    const std::vector<std::string>& other_lockfiles() const { return other_lockfiles_; }
    void set_other_lockfiles(std::vector<std::string> paths) { other_lockfiles_ = std::move(paths); }

    // False when only named files are scanned: repository-wide rules
    // (coverage, "nothing audits the workflows") then have nothing to judge.
    bool is_whole_repository() const { return whole_repository_; }
    void set_whole_repository(bool whole) { whole_repository_ = whole; }

    const Document* document(std::string_view path) const;
    const ProjectFile* file(std::string_view path) const;
    std::vector<const Document*> documents() const;
    bool has_kind(FileKind kind) const;

private:
    std::vector<ProjectFile> files_;
    bool whole_repository_ = true;
    std::unordered_map<std::string, std::size_t> index_by_path_;
    std::vector<Workflow> workflows_;
    std::vector<ActionDefinition> actions_;
    std::vector<DependabotConfig> dependabot_;
    std::vector<UvLock> uv_locks_;
    std::vector<Pylock> pylocks_;
    std::vector<RequirementDocument> requirement_documents_;
    std::unordered_map<std::string, std::size_t> requirement_index_;
    std::vector<std::string> other_lockfiles_;
};

}  // namespace pysec
