// Names of the entity types.
#include <claimgraph/model.h>

#include "util/strings.h"

#include <array>
#include <utility>

namespace claimgraph {

namespace {
constexpr std::array<std::pair<EntityType, std::string_view>, 8> k_type_names = {{
    {EntityType::person, "PERSON"},
    {EntityType::org, "ORG"},
    {EntityType::gpe, "GPE"},
    {EntityType::loc, "LOC"},
    {EntityType::group, "GROUP"},
    {EntityType::event, "EVENT"},
    {EntityType::date, "DATE"},
    {EntityType::other, "OTHER"},
}};
}  // namespace

std::string_view to_string(EntityType type) {
    for (const auto& [value, name] : k_type_names) {
        if (value == type) return name;
    }
    return "OTHER";
}

std::optional<EntityType> parse_entity_type(std::string_view name) {
    for (const auto& [value, type_name] : k_type_names) {
        if (util::iequals(type_name, name)) return value;
    }
    return std::nullopt;
}

const std::vector<EntityType>& all_entity_types() {
    static const std::vector<EntityType> k_all = [] {
        std::vector<EntityType> all;
        for (const auto& entry : k_type_names) all.push_back(entry.first);
        return all;
    }();
    return k_all;
}

}  // namespace claimgraph
