#pragma once
// The slip's words in the person's language: the core's ReceiptSlip (catalog keys and
// dates) turned into the sentences and pictures to print, on the UI thread (the catalog
// lives there); the print worker gets these plain strings only.
#include <string>
#include <vector>

#include "core/receipt_slip.h"
#include "easyread/catalog.h"

namespace tellus {
struct Policy;
}

namespace tellus::print {

struct SlipLine {
  std::string text;                                // one Easy Read sentence, dates filled in
  std::string pictogram;                           // its picture (manifest id)
};

struct SlipWords {
  std::string organisation;
  SlipLine title;                                  // "Your receipt"
  std::vector<SlipLine> opening;                   // "We got it on ..."
  SlipLine reference_label;                        // "Your reference"
  std::string reference;                           // "SG  0070  002Z" (grouped as the screen groups it)
  SlipLine tracking_label;                         // "Your secret code"
  std::string tracking_code;                       // "XHWTS  15AW5"
  std::vector<SlipLine> keep;                      // keep it safe, it is secret
  std::string qr;                                  // what the QR code holds (the reference, as on screen)
  SlipLine next_title;                             // "What happens next"
  std::vector<SlipLine> next;
  SlipLine check_title;                            // "How to check"
  std::vector<SlipLine> check_back;
};

// Groups shown apart, as the screen's big codes show them: "SG-0070-002Z" -> "SG  0070  002Z".
std::string GroupedCode(const std::string& code);
// `policy`: in the slip's language (core/policy_language.h), for the policy's own texts.
SlipWords WordsFor(const ReceiptSlip& slip, const Catalog& catalog, const Policy& policy);
// Zeroes every string (the codes are secret) and empties the lists.
void Wipe(SlipWords& words);

}  // namespace tellus::print
