#include "journal/SpillBacklog.hpp"

#include <algorithm>

namespace lp::journal {

SpillBacklog backlog_of(const std::vector<SpillRecord>& records) {
    SpillBacklog b;
    std::uint64_t done_upto = 0;
    std::map<std::uint64_t, std::int64_t> done_rows;
    std::uint64_t top_ticket = 0;
    const auto saw = [&](Ticket t) { top_ticket = std::max(top_ticket, static_cast<std::uint64_t>(t)); };
    for (const auto& record : records) {
        if (const auto* head = std::get_if<SpillHead>(&record)) {
            for (const auto& [ticket, row] : head->rows) {
                b.rows[ticket] = row;
                saw(ticket);
            }
            b.last_row = head->last_row;
        } else if (const auto* done = std::get_if<SpillDone>(&record)) {
            done_upto = std::max(done_upto, done->seq);
            if (done->row) {
                done_rows[done->seq] = *done->row;
                b.last_row = std::max(b.last_row.value_or(0), *done->row);
            }
        }
    }
    std::uint64_t last_seq = 0;
    for (const auto& record : records) {
        const auto* o = std::get_if<SpillOp>(&record);
        // Seqs only grow; one seen again was saved twice (a file that could not be restarted).
        if (!o || o->seq <= last_seq) continue;
        last_seq = o->seq;
        b.next_seq = std::max(b.next_seq, o->seq + 1);
        std::visit(
            [&](const auto& w) {
                if constexpr (requires { w.ticket; }) saw(w.ticket);
            },
            o->op);
        if (o->seq > done_upto) {
            b.waiting.push_back(*o);
        } else if (const auto* begin = std::get_if<op::Begin>(&o->op); begin && done_rows.count(o->seq)) {
            b.rows[begin->ticket] = done_rows[o->seq];
        } else if (const auto* finish = std::get_if<op::Finish>(&o->op)) {
            b.rows.erase(finish->ticket);
        }
    }
    b.next_ticket = Ticket{top_ticket + 1};
    return b;
}

}  // namespace lp::journal
