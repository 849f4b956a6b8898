// tests/generator/world.h — the synthetic world: people, insatser, deltaganden, consents.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "tests/generator/calendar.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace finsam::generator {

// Values are canonical (codes.md), never a partner's display text: each writer maps them to its own
// format, so the same world can later be rendered as AF CSV, FK fixed width, FHIR and kommun JSON.

enum class Kon { kKvinna, kMan, kAnnat };
enum class IdKind { kPersonnummer, kSamordningsnummer };
enum class Utbildning { kGrundskola, kGymnasium, kHogskola, kAnnanEftergymnasial, kSaknasOkand };
enum class Ersattning {
    kSjukpenning,
    kRehabiliteringspenning,
    kAktivitetsersattning,
    kSjukersattning,
    kAktivitetsstod,
    kUtvecklingsersattning,
    kEtableringsersattning,
    kAKassa,
    kForsorjningsstod,
    kStudiemedel,
    kLon,
    kSubventioneradAnstallning,
    kEgetForetag,
    kAnnan,
    kIngen,
    kOkand
};
enum class TidOffentlig { kUpTo1, k1To3, k3To5, k5To9, kOver9, kIngen, kOkand };
enum class Sysselsattning {
    kArbete,
    kSubventioneratArbete,
    kStudier,
    kArbetssokande,
    kAnnan,
    kOkand
};
enum class Avslut {
    kArbete,
    kStudier,
    kArbetssokande,
    kOvergangAnnanInsats,
    kSjukdom,
    kFlyttat,
    kAvbrott,
    kSamtyckeAterkallat,
    kAnnan,
    kFelregistrering
};
enum class Aktor { kAf, kFk, kRegion, kKommun, kForbundet, kEgenAnmalan, kAnnan };
enum class Inriktning { kIndividinriktad, kStrukturovergripande };
enum class Uppfoljning { kIndivid, kEndastAntal };
enum class Malgrupp {
    kUnga,
    kPsykiskOhalsa,
    kNyanlanda,
    kLangtidsarbetslosa,
    kLangtidssjukskrivna,
    kForsorjningsstod,
    kFunktionsnedsattning,
    kAnnan
};
enum class ConsentCategory { kIdentitet, kDeltagande, kErsattning, kHalsa };
enum class ConsentPurpose { kSamordning, kUppfoljning };

/// One generated person. The number is synthetic (random date and serial, valid Luhn digit), never
/// a real one.
struct Person {
    Date birthDate;
    Kon kon = Kon::kKvinna;  ///< legal kön, the parity of the serial's last digit
    IdKind idKind = IdKind::kPersonnummer;
    std::string personnummer;  ///< YYYYMMDD-NNNC; samordningsnummer carry day + 60
    Utbildning utbildning = Utbildning::kGymnasium;
    std::string fornamn;   ///< only partners with names (AF) write them; the hub never stores them
    std::string efternamn;
    bool skyddad = false;  ///< skyddade personuppgifter: partners flag it, the hub keeps no identity
};

struct BudgetYear {
    int year = 0;
    std::int64_t budgetOre = 0;  ///< SEK × 100, so amounts with öre stay exact
    int plannedParticipants = 0;
    int antalKvinnor = 0;  ///< head counts, meaningful for Uppfoljning::kEndastAntal only
    int antalMan = 0;
};

struct Insats {
    std::string id;  ///< FB-<SLUG>-<start year>-NN
    std::string name;
    Inriktning inriktning = Inriktning::kIndividinriktad;
    Uppfoljning uppfoljning = Uppfoljning::kIndivid;
    Date start;
    Date end;
    Aktor huvudman = Aktor::kForbundet;
    std::vector<Malgrupp> malgrupper;
    bool esf = false;
    std::vector<BudgetYear>
        years;  ///< one per budget year inside both the insats and the generated range
};

struct Deltagande {
    std::string id;          ///< D-<start year>-NNNNN, numbered in start-date order
    std::size_t person = 0;  ///< index into World::people
    std::size_t insats = 0;  ///< index into World::insatser
    Date start;
    std::optional<Date> end;  ///< empty while ongoing on World::asOf
    bool anonymous = false;
    bool reportsNumber = true;  ///< false: the Personnummer cell is left empty
    bool reportsDetails =
        true;  ///< false: only kön, födelseår, dates and avslut are known (a bare head count)
    Kon reportedKon =
        Kon::kKvinna;  ///< what the register says; kAnnat only on rows without a number
    Aktor remitterande = Aktor::kAf;
    std::vector<Ersattning> forsorjningFore;
    TidOffentlig tidOffentlig = TidOffentlig::kUpTo1;
    Sysselsattning sysselsattningFore = Sysselsattning::kArbetssokande;
    std::optional<Avslut> avslut;  ///< set exactly when `end` is
    std::vector<Ersattning> forsorjningEfter;
    std::optional<Sysselsattning> sysselsattningEfter;
    std::optional<std::size_t> consent;  ///< index into World::consents
};

struct Consent {
    std::string id;  ///< SAM-<valid-from year>-NNNN
    std::size_t person = 0;
    std::optional<std::size_t> insats;  ///< empty: the whole förbund ("Förbundet")
    std::vector<std::string>
        parter;  ///< organisation ids (codes.md), e.g. af, region-01, kommun-0180
    std::vector<ConsentCategory> kategorier;
    std::vector<ConsentPurpose> andamal;
    Date validFrom;
    std::optional<Date> validTo;
    std::optional<Date> withdrawn;
    std::string blankett;  ///< FK9443-YYYY-NNNNNN
};

/// One period of support a member organisation decided and pays (AF, FK, kommun). Periods of one
/// person and type never overlap: the generator merges them.
struct BenefitPeriod {
    std::size_t person = 0;  ///< index into World::people
    Ersattning ersattning = Ersattning::kAktivitetsstod;
    int omfattning = 100;  ///< percent: 25, 50, 75 or 100
    Date from;
    std::optional<Date> tom;  ///< the decided last day; may lie after World::asOf; empty = open
};

/// The förbund the world belongs to and the organisations that are its members.
struct Forbund {
    std::string slug;                 ///< e.g. "sthlm"
    std::string regionId;             ///< e.g. "region-01"
    std::string kommunId;             ///< e.g. "kommun-0180"
    std::string organisationsnummer;  ///< 10 digits with Luhn digit; receiver in AF/FK file names
};

struct World {
    Forbund forbund;
    Date asOf;  ///< the snapshot day: deltaganden still running then have no end
    std::vector<Person> people;
    std::vector<Insats> insatser;
    std::vector<Deltagande> deltaganden;  ///< sorted by id
    std::vector<Consent> consents;        ///< sorted by id
    std::vector<BenefitPeriod> benefits;  ///< sorted by from, person, ersättning
};

}  // namespace finsam::generator
