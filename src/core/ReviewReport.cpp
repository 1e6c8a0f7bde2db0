#include "core/ReviewReport.h"

#include "core/Review.h" // charactersLeft

#include <nlohmann/json.hpp>

namespace aw {

const char* reasonValue(ReportReason r) {
    switch (r) {
    case ReportReason::Spam: return "spam";
    case ReportReason::Abuse: return "abuse";
    case ReportReason::OffTopic: return "off-topic";
    case ReportReason::Other: return "other";
    case ReportReason::None: break;
    }
    return "";
}

const char* reasonLabel(ReportReason r) {
    switch (r) {
    case ReportReason::Spam: return "Spam or advertising";
    case ReportReason::Abuse: return "Abusive or hateful";
    case ReportReason::OffTopic: return "Not about this article";
    case ReportReason::Other: return "Something else";
    case ReportReason::None: break;
    }
    return "";
}

ReportReason reasonOfValue(const std::string& value) {
    for (ReportReason r : kReportReasons)
        if (value == reasonValue(r)) return r;
    return ReportReason::None;
}

void ReportFlow::open(std::string identifier, std::string author) {
    close();
    step_ = Step::Choosing;
    identifier_ = std::move(identifier);
    author_ = std::move(author);
}

void ReportFlow::close() {
    step_ = Step::Closed;
    identifier_.clear();
    author_.clear();
    reason_ = ReportReason::None;
    note_.clear();
    say({}, {});
    ++valueVersion_;
}

void ReportFlow::choose(ReportReason reason) {
    if (step_ != Step::Choosing) return;
    reason_ = reason;
    if (reason != ReportReason::None && text_.id == "report.choose") say({}, {});
}

void ReportFlow::setNote(std::string note) {
    if (step_ == Step::Choosing) note_ = std::move(note);
}

std::optional<std::string> ReportFlow::send() {
    if (step_ != Step::Choosing) return std::nullopt;
    if (reason_ == ReportReason::None) {
        say("Please choose a reason.", {"report.choose", {}});
        return std::nullopt;
    }
    if (charactersLeft(note_, kMaxReportNoteChars) < 0) {
        say("Please shorten the note to " + std::to_string(kMaxReportNoteChars) + " characters.",
            {"report.shorten", {{"max", std::to_string(kMaxReportNoteChars)}}});
        return std::nullopt;
    }
    say({}, {});
    step_ = Step::Sending;
    nlohmann::json body = {{"reason", reasonValue(reason_)}};
    if (charactersLeft(note_, 0) < 0) body["message"] = note_; // only a note with something in it
    return body.dump();
}

bool ReportFlow::onResult(const std::string& identifier, int status) {
    if (step_ != Step::Sending || identifier != identifier_) return false;
    if (status >= 200 && status < 300) {
        step_ = Step::Sent;
        say("Thank you. A moderator will look at this review.", {"report.thanks", {}});
    } else if (status == 404) {
        step_ = Step::Gone;
        say("This review is no longer here: it may already have been removed.", {"report.gone", {}});
    } else {
        step_ = Step::Choosing; // what was chosen and typed stays, to try again
        if (status == 0) say("The report could not be sent: you seem to be offline. Please try again.", {"report.offline", {}});
        else if (status == 429)
            say("You have sent many reports in a short time. Please try again in a few minutes.", {"report.busy", {}});
        else if (status >= 500)
            say("The report could not be sent: the review service is not answering. Please try again later.",
                {"report.unavailable", {}});
        else
            say("The report was not accepted (the server answered " + std::to_string(status) + ").",
                {"report.refused", {{"status", std::to_string(status)}}});
    }
    return true;
}

void ReportFlow::say(std::string english, Message message) {
    message_ = std::move(english);
    text_ = std::move(message);
}

} // namespace aw
