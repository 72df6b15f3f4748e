#include "model/project.hpp"

namespace pysec {

void Project::add_file(ProjectFile file) {
    index_by_path_.emplace(file.path, files_.size());
    files_.push_back(std::move(file));
}

void Project::build_models() {
    for (const ProjectFile& file : files_) {
        if (!file.document || file.failure) continue;
        const Document& document = *file.document;
        switch (file.kind) {
            case FileKind::Workflow:
                if (auto workflow = read_workflow(document)) workflows_.push_back(std::move(*workflow));
                break;
            case FileKind::Action:
                if (auto action = read_action(document)) actions_.push_back(std::move(*action));
                break;
            case FileKind::Dependabot:
                if (auto config = read_dependabot(document)) dependabot_.push_back(std::move(*config));
                break;
            case FileKind::UvLock:
                if (auto lock = read_uv_lock(document)) uv_locks_.push_back(std::move(*lock));
                break;
            case FileKind::Pylock:
                if (auto lock = read_pylock(document)) pylocks_.push_back(std::move(*lock));
                break;
            case FileKind::Requirements:
                requirement_index_.emplace(file.path, requirement_documents_.size());
                requirement_documents_.push_back(read_requirement_document(document));
                break;
            default: break;
        }
    }
}

const Document* Project::document(std::string_view path) const {
    auto it = index_by_path_.find(std::string(path));
    return it == index_by_path_.end() ? nullptr : files_[it->second].document.get();
}

const ProjectFile* Project::file(std::string_view path) const {
    auto it = index_by_path_.find(std::string(path));
    return it == index_by_path_.end() ? nullptr : &files_[it->second];
}

const RequirementDocument* Project::requirement_document(std::string_view path) const {
    auto it = requirement_index_.find(std::string(path));
    return it == requirement_index_.end() ? nullptr : &requirement_documents_[it->second];
}

std::vector<const Document*> Project::documents() const {
    std::vector<const Document*> result;
    for (const ProjectFile& file : files_) {
        if (file.document) result.push_back(file.document.get());
    }
    return result;
}

bool Project::has_kind(FileKind kind) const {
    for (const ProjectFile& file : files_) {
        if (file.kind == kind) return true;
    }
    return false;
}

}  // namespace pysec
