#pragma once
// The UK's bank holidays by their standing rules (the Banking and Financial Dealings Act
// 1971 and the yearly royal proclamations that keep them where they have been since 1978,
// with the substitute days each division uses), for the years GOV.UK has not published.
// A one-off day (a jubilee, a coronation, a state funeral) cannot be foreseen: published
// data always wins over these (core/calendar.h).
#include <string>
#include <vector>

#include "core/date.h"

namespace tellus {

enum class Division { kEnglandAndWales, kScotland, kNorthernIreland };

// Easter Sunday of a Gregorian year (the anonymous Gregorian computus, Meeus/Jones/Butcher).
Date EasterSunday(int year);

struct BankHoliday {
  Date date;
  std::string title;                               // GOV.UK's titles: "Good Friday", "St Andrew’s Day"
  bool substitute = false;                         // the day falls on a weekend; this is the weekday instead
  bool projected = false;                          // worked out by rule, not read from a published file
};

// Every bank holiday of one year in one division, by rule, in date order:
//   all:       New Year's Day, Good Friday, early May (first Monday), spring (last Monday
//              of May), Christmas Day, Boxing Day;
//   E&W, NI:   Easter Monday, summer (last Monday of August);
//   Scotland:  2nd January, summer (first Monday of August), St Andrew's Day (30 November);
//   NI:        St Patrick's Day (17 March), Battle of the Boyne (12 July).
// Substitutes: a single day on a Saturday or Sunday moves to the Monday after; of a pair
// (Christmas and Boxing Day; in Scotland 1 and 2 January) on a weekend, each weekend day
// moves to the next weekday not already a holiday (Christmas on a Sunday: Boxing Day
// Monday, Christmas Tuesday). Every entry is marked projected.
std::vector<BankHoliday> StatutoryHolidays(int year, Division division);

}  // namespace tellus
