#include "journal/OpApplier.hpp"

#include <stdexcept>
#include <type_traits>
#include <utility>

#include "domain/Time.hpp"

namespace lp::journal {

using domain::to_utc_text;

OpApplier::OpApplier(sqlite::Database& db, LatestAppliers latest)
    : db_(db), journal_(db), pending_(db), latest_(std::move(latest)) {}

std::optional<std::int64_t> OpApplier::row_of(Ticket ticket) const {
    const auto it = rows_.find(ticket);
    return it == rows_.end() ? std::nullopt : std::optional<std::int64_t>(it->second);
}

std::int64_t OpApplier::row(Ticket ticket) const {
    if (const auto id = row_of(ticket)) return *id;
    throw std::logic_error("journal ticket " + std::to_string(static_cast<std::uint64_t>(ticket)) +
                           " has no row (its begin never landed)");
}

OpApplier::Result OpApplier::apply(const WriteOp& write) {
    return std::visit(
        [&](const auto& o) -> Result {
            using T = std::decay_t<decltype(o)>;
            if constexpr (std::is_same_v<T, op::Begin>) {
                const auto id =
                    journal_.begin(o.plan, o.started_at, o.outputs, o.start_lateness, o.pending, o.evidence);
                resolve(o.ticket, id);
                return {id};
            } else if constexpr (std::is_same_v<T, op::SetOutputs>) {
                journal_.set_outputs(row(o.ticket), o.outputs);
            } else if constexpr (std::is_same_v<T, op::Progress>) {
                journal_.progress(row(o.ticket), o.played);
            } else if constexpr (std::is_same_v<T, op::Finish>) {
                journal_.finish(row(o.ticket), o.ended_at, o.played, o.status, o.reason, o.detail);
            } else if constexpr (std::is_same_v<T, op::Live>) {
                save_live(db_, row(o.ticket), o.record);
            } else if constexpr (std::is_same_v<T, op::Listeners>) {
                save_listeners(db_, o.row, o.figures);
            } else if constexpr (std::is_same_v<T, op::NotAired>) {
                return {journal_.record_not_aired(o.plan, o.status, o.at, o.reason, o.detail, o.pending)};
            } else if constexpr (std::is_same_v<T, op::PendingAdd>) {
                pending_.add(o.programme, o.plans, o.outputs);
            } else if constexpr (std::is_same_v<T, op::PendingHandOn>) {
                pending_.hand_on(o.from, o.from_cue, o.to);
            } else if constexpr (std::is_same_v<T, op::PendingRemove>) {
                pending_.remove(o.programme, o.cue);
            } else if constexpr (std::is_same_v<T, op::MissPending>) {
                // One transaction: a cue leaves the pending table only with its missed row.
                sqlite::Transaction tx(db_);
                const auto left = o.programme ? pending_.take(*o.programme) : pending_.take_all();
                int missed = 0;
                for (const auto& l : left) {
                    if (l.journal_id) continue;  // cut mid-air: its interrupted row says so
                    journal_.record_not_aired(l.plan, Status::missed, o.at, o.reason);
                    ++missed;
                }
                tx.commit();
                return {std::nullopt, missed};
            } else {
                static_assert(std::is_same_v<T, op::KeepLatest>);
                const auto it = latest_.find(o.key);
                if (it == latest_.end()) throw std::logic_error("no one applies the value \"" + o.key + "\"");
                sqlite::Transaction tx(db_);
                it->second(o.value);
                tx.commit();
            }
            return {};
        },
        write);
}

std::optional<std::int64_t> OpApplier::landed_row(const WriteOp& write, std::int64_t after_row) {
    // The same item, slot and instants above `after_row`, written by the player (not a manual
    // row or a correction): only this write can have made it, since nothing else journals
    // the daemon's airings.
    const auto find = [&](const AiringPlan& plan, std::string_view rest) -> sqlite::Statement {
        auto st = db_.prepare(
            "SELECT id FROM journal WHERE id > ? AND scheduled_at = ? AND file = ? AND title = ? AND slot = ? "
            "AND manual_by IS NULL AND corrects IS NULL AND " +
            std::string(rest) + " ORDER BY id LIMIT 1");
        st.bind(1, after_row).bind(2, to_utc_text(plan.scheduled_at)).bind(3, plan.file).bind(4, plan.title);
        st.bind(5, plan.slot);
        return st;
    };
    std::optional<std::int64_t> found;
    if (const auto* b = std::get_if<op::Begin>(&write)) {
        auto st = find(b->plan, "started_at = ?6");
        st.bind(6, to_utc_text(b->started_at));
        if (st.step()) found = st.integer(0);
        if (found) resolve(b->ticket, *found);
    } else if (const auto* n = std::get_if<op::NotAired>(&write)) {
        auto st = find(n->plan, "started_at IS NULL AND ended_at = ?6 AND status = ?7 AND reason = ?8");
        st.bind(6, to_utc_text(n->at)).bind(7, to_code(n->status)).bind(8, n->reason);
        if (st.step()) found = st.integer(0);
    }
    return found;
}

}  // namespace lp::journal
