#pragma once
// Who may do what through the HTTP API. Roles are per account; every route names the one
// permission it needs, and this table alone decides which roles hold it.

#include <optional>
#include <string_view>

namespace lp::auth {

enum class Role { viewer, approver, operator_, admin };

enum class Permission {
    read,       // status, library, schedule, journal, reports: view and download (every role)
    library,    // upload, edit, tag, retire, say; slots, programmes, one-offs; stop/play now
    approve,    // approve, reject with a comment, revoke (recorded in the approver's name)
    emergency,  // an emergency one-off (may additionally need an approver: a setting)
    journal,    // manual journal entries and corrections
    accounts,   // accounts and tokens
    settings,   // organisation names, outputs
};

// admin holds every permission; operator the day-to-day work; approver only approvals;
// viewer only reads. An operator cannot approve its own uploads: that is the approver's.
constexpr bool permits(Role role, Permission p) {
    if (p == Permission::read) return true;
    switch (role) {
        case Role::admin: return true;
        case Role::operator_: return p == Permission::library || p == Permission::emergency || p == Permission::journal;
        case Role::approver: return p == Permission::approve;
        case Role::viewer: return false;
    }
    return false;
}

constexpr std::string_view role_name(Role r) {
    switch (r) {
        case Role::viewer: return "viewer";
        case Role::approver: return "approver";
        case Role::operator_: return "operator";
        case Role::admin: return "admin";
    }
    return "viewer";
}

constexpr std::optional<Role> role_from_name(std::string_view s) {
    if (s == "viewer") return Role::viewer;
    if (s == "approver") return Role::approver;
    if (s == "operator") return Role::operator_;
    if (s == "admin") return Role::admin;
    return std::nullopt;
}

}  // namespace lp::auth
