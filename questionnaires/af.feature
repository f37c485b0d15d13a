# Scenario file for the Afghanistan questionnaire (af.yaml).
#
# Each scenario describes an interview in plain words and what natid must conclude
# from it. Run them all with:
#
#     natid test questionnaires/af.yaml
#
# docs/scenarios.md explains how to write scenarios and lists every sentence natid
# understands. Questions are named by their id in af.yaml ("province", "currency"…).

Feature: The Afghanistan questionnaire's rules
  A certificate of identity and nationality may be requested from an Afghan mission
  once five answers are confirmed. Declining to answer never counts against the
  person; wrong answers, contradicted documents and a district outside the province
  given call for a consular interview.

  Background:
    Given an interview with the Afghanistan questionnaire

  # -- The country's rule: five confirmations --------------------------------------

  Scenario: Five confirmations meet the rule
    When the person gives these answers:
      | question         | answer                  |
      | documents_held   | e_tazkira               |
      | languages_spoken | Dari, Pashto            |
      | currency         | afghani                 |
      | independence_day | 19 August               |
      | nowruz           | 21 March                |
    And the officer confirms these answers:
      | question         | because                                          |
      | documents_held   | e-tazkira seen, photo and names match            |
      | languages_spoken | the interpreter confirms fluent Dari and Pashto  |
    Then "documents_held" is confirmed
    And "currency" is confirmed
    And "nowruz" is confirmed
    And the country's rule is met with 5 confirmations
    And the strength of support is towards the presumed nationality
    And the conclusion is "presumption supported"

  Scenario: Four confirmations are one too few
    When the person gives these answers:
      | question         | answer                  |
      | documents_held   | Electronic tazkira (e-tazkira) |
      | languages_spoken | Dari, Pashto            |
      | currency         | afghani                 |
      | independence_day | 19 August               |
    And the officer confirms these answers:
      | question         | because                                          |
      | documents_held   | e-tazkira seen, photo and names match            |
      | languages_spoken | the interpreter confirms fluent Dari and Pashto  |
    Then the country's rule is not met with 4 confirmations
    And the strength of support is towards the presumed nationality
    And the conclusion is "insufficient"

  Scenario: Right answers about Afghanistan alone can meet the rule
    When the person gives these answers:
      | question         | answer        |
      | province         | Balkh         |
      | province_capital | Mazar-e Sharif |
      | main_river       | Amu Darya     |
      | national_sport   | buzkashi      |
      | nowruz           | 1 Hamal       |
      | independence_day | 28 Asad       |
    Then "province_capital" is confirmed
    And "main_river" is confirmed
    And "national_sport" is confirmed
    And "nowruz" is confirmed
    And "independence_day" is confirmed
    And the country's rule is met with 5 confirmations

  Scenario: What only the consulate can check stays unconfirmed
    When the person answers "given_name" with "Mohammad Nabi"
    And the person answers "father_name" with "Abdul Rahim"
    And the person answers "grandfather_name" with "Gul Ahmad"
    And the person answers "village_or_town" with "Qala-e Fatullah, Nahia 10"
    And the person answers "documents_held" with "paper_tazkira"
    Then "given_name" is unconfirmed
    And "grandfather_name" is unconfirmed
    And "documents_held" is unconfirmed
    And the country's rule is not met with 0 confirmations
    And the conclusion is "insufficient"

  Scenario: Answers in Dari are checked against the Dari spellings
    Given an interview in fa with an officer working in Spanish
    When the person answers "province" with "کابل"
    And the person answers "province_capital" with "کابل"
    And the person answers "currency" with "افغانی"
    And the person answers "nowruz" with "۱ حمل"
    And the person answers "main_river" with "دریای کابل"
    Then "province_capital" is confirmed
    And "currency" is confirmed
    And "nowruz" is confirmed
    And "main_river" is confirmed
    And the country's rule is not met with 4 confirmations

  Scenario: Answers in Pashto are checked against the Pashto spellings
    Given an interview in ps with an officer working in Spanish
    When the person answers "province" with "ننګرهار"
    And the person answers "province_capital" with "جلال آباد"
    And the person answers "currency" with "افغانۍ"
    And the person answers "independence_day" with "د زمري ۲۸"
    And the person answers "national_sport" with "بزکشي"
    Then "province_capital" is confirmed
    And "currency" is confirmed
    And "independence_day" is confirmed
    And "national_sport" is confirmed
    And the country's rule is not met with 4 confirmations

  Scenario: Other names of a provincial capital and other spellings count
    When the person answers "province" with "Ghor"
    And the person answers "province_capital" with "Firozkoh"
    And the person answers "main_river" with "Harirud"
    Then "province_capital" is confirmed
    And "main_river" is confirmed
    When the person changes the answer to "province_capital" to "Chakhcharan"
    Then "province_capital" is confirmed

  Scenario Outline: Other spellings and scripts of right answers count
    When the person answers "province" with "<province>"
    And the person answers "<question>" with "<answer>"
    Then "<question>" is confirmed

    Examples:
      | province  | question         | answer        |
      | Balkh     | province_capital | Mazar         |
      | Helmand   | province_capital | Lashkargah    |
      | Kandahar  | province_capital | قندهار        |
      | Uruzgan   | province_capital | Tirin Kot     |
      | Kunar     | province_capital | Chaghasaray   |
      | Kabul     | main_river       | Oxus          |
      | Kabul     | main_river       | هلمند         |
      | Kabul     | national_sport   | ulaq          |
      | Kabul     | independence_day | 1919          |
      | Kabul     | nowruz           | 20 March      |
      | Kabul     | currency         | Afghanis      |

  Scenario Outline: Near misses with other digits do not count
    When the person answers "<question>" with "<answer>"
    Then "<question>" is contradicted

    Examples:
      | question         | answer    |
      | independence_day | 15 August |
      | independence_day | 18 August |
      | nowruz           | 22 March  |
      | nowruz           | 2 Hamal   |

  # -- Contradictions pull towards non-nationality ----------------------------------

  Scenario: Wrong answers about Afghanistan call for a consular interview
    When the person answers "currency" with "toman"
    And the person answers "independence_day" with "14 August"
    And the person answers "nowruz" with "1 January"
    Then "currency" is contradicted
    And "independence_day" is contradicted
    And "nowruz" is contradicted
    And the strength of support is against the presumed nationality
    And the conclusion is "consular interview needed"

  Scenario: A tazkira the officer finds false calls for a consular interview
    When the person answers "documents_held" with "e_tazkira"
    And the officer contradicts "documents_held" because "the e-tazkira shown belongs to someone else"
    Then "documents_held" is contradicted
    And the strength of support is against the presumed nationality
    And the conclusion is "consular interview needed"

  Scenario: A false tazkira outweighs right answers about Afghanistan
    When the person answers "documents_held" with "Paper tazkira"
    And the officer contradicts "documents_held" because "the paper tazkira shown was altered"
    And the person answers "currency" with "afghani"
    And the person answers "national_sport" with "buzkashi"
    Then "currency" is confirmed
    And the country's rule is not met with 2 confirmations
    And the strength of support is against the presumed nationality
    And the conclusion is "consular interview needed"

  Scenario: A district outside the province given makes the answers inconsistent
    When the person answers "province" with "Herat"
    And the person answers "district" with "Spin Boldak"
    Then the answers are inconsistent because of "district_in_province"
    And the conclusion is "consular interview needed"

  Scenario: A district inside the province given is consistent
    When the person answers "province" with "Kandahar"
    And the person answers "district" with "Spin Boldak"
    Then the answers are consistent

  Scenario: A district name found in two provinces belongs to the one given
    When the person answers "province" with "Zabul"
    And the person answers "district" with "arghandab_kandahar"
    Then the answers are inconsistent because of "district_in_province"
    When the person changes the answer to "district" to "arghandab_zabul"
    Then the answers are consistent

  Scenario: An age that does not fit the date of birth makes the answers inconsistent
    Given the interview takes place on 2026-03-01
    When the person answers "date_of_birth" with "1991"
    And the person answers "age" with "28"
    Then the answers are inconsistent because of "age_matches_date_of_birth"

  Scenario: A birth year converted from the Solar Hijri calendar fits the age
    Given the interview takes place on 2026-03-01
    When the person answers "date_of_birth" with "1991"
    And the person answers "age" with "35"
    Then the answers are consistent

  # 1 Hamal (Farvardin) 1403 S.H. is 20 March 2024. The 33 years before it (1370 to
  # 1402 S.H.) have eight of 366 days (1370, 1375, 1379 ... 1399), so they are
  # 33 x 365 + 8 = 12,053 days long: 1 Hamal 1370 is 21 March 1991. 15 Sonbola,
  # the sixth month, comes after five months of 31 days and 14 days, 169 days on:
  # 6 September 1991, which makes the person 34 on 1 March 2026. Sonbola 1370 alone
  # is September 1991 (34); the year 1370 S.H. alone (March 1991 to March 1992) is
  # taken as 1991, where most of it falls (34 or 35).
  Scenario Outline: A date of birth given in the Solar Hijri calendar fits the age
    Given the interview takes place on 2026-03-01
    When the person answers "date_of_birth" with "<date>" in the Solar Hijri calendar
    And the person answers "age" with "34"
    Then the answers are consistent

    Examples:
      | date       |
      | 1370-06-15 |
      | 1370-06    |
      | 1370       |

  # The same numbers read as Gregorian put the birth in the 14th century.
  Scenario Outline: The same Solar Hijri date entered as if it were Gregorian does not fit the age
    Given the interview takes place on 2026-03-01
    When the person answers "date_of_birth" with "<date>"
    And the person answers "age" with "34"
    Then the answers are inconsistent because of "age_matches_date_of_birth"

    Examples:
      | date       |
      | 1370-06-15 |
      | 1370-06    |
      | 1370       |

  # -- Declining and not knowing are neutral ----------------------------------------

  Scenario: Declining or not knowing counts neither for nor against the person
    When the person declines to answer "mother_name"
    And the person does not know "family_name"
    And the person does not know "main_river"
    Then "mother_name" is declined
    And "family_name" is declined
    And "main_river" is declined
    And the country's rule is not met with 0 confirmations
    And the strength of support is neutral
    And the conclusion is "insufficient"

  Scenario: Declined answers leave a met rule and its strength as they are
    When the person gives these answers:
      | question         | answer                  |
      | documents_held   | e_tazkira               |
      | languages_spoken | Dari, Pashto            |
      | currency         | afghani                 |
      | independence_day | 19 August               |
      | nowruz           | 21 March                |
    And the officer confirms these answers:
      | question         | because                                          |
      | documents_held   | e-tazkira seen, photo and names match            |
      | languages_spoken | the interpreter confirms fluent Dari and Pashto  |
    And the person declines to answer "mother_name"
    And the person does not know "national_sport"
    And the person does not know "province"
    Then the country's rule is met with 5 confirmations
    And the assessment is the same as if "mother_name" had been left unanswered
    And the assessment is the same as if "national_sport" had been left unanswered
    And the assessment is the same as if "province" had been left unanswered
    And the conclusion is "presumption supported"

  # -- Questions that appear and disappear -------------------------------------------

  Scenario: The district and the provincial capital are asked once the province is known
    Then "district" is not asked
    And "province_capital" is not asked
    When the person answers "province" with "Nangarhar"
    Then "district" is asked
    And "province_capital" is asked

  Scenario: The tazkira number is asked only when a tazkira or a copy of it is held
    When the person answers "documents_held" with "none"
    And the person answers "other_documents" with "school_certificate"
    Then "tazkira_number" is not asked
    And "passport_number" is not asked
    When the person changes the answer to "other_documents" to "tazkira_copy, school_certificate"
    Then "tazkira_number" is asked
    And "passport_number" is not asked

  Scenario Outline: The tazkira number is asked for either kind of tazkira
    When the person answers "documents_held" with "<documents>"
    Then "tazkira_number" is asked

    Examples:
      | documents               |
      | e_tazkira               |
      | paper_tazkira           |
      | e_tazkira, passport     |

  Scenario Outline: The passport number is asked for a passport, a copy or an expired one
    When the person answers "documents_held" with "<documents>"
    And the person answers "other_documents" with "<others>"
    Then "passport_number" is asked

    Examples:
      | documents | others           |
      | passport  | none             |
      | none      | passport_copy    |
      | none      | expired_passport |

  Scenario: A district left from the province given before becomes inconsistent
    When the person answers "province" with "KAB"
    And the person answers "district" with "paghman"
    And the person changes the answer to "province" to "Paktia"
    Then "district" is asked
    And the answers are inconsistent because of "district_in_province"

  # -- Answers changed after review ---------------------------------------------------

  Scenario: A corrected answer gains a confirmation
    When the person answers "currency" with "rupee"
    Then "currency" is contradicted
    When the person changes the answer to "currency" to "afghani"
    Then "currency" is confirmed
    And the country's rule is not met with 1 confirmation
    And the strength of support is towards the presumed nationality

  Scenario: Changing the province loses the confirmation of its capital
    When the person answers "province" with "Balkh"
    And the person answers "province_capital" with "Mazar-e Sharif"
    Then "province_capital" is confirmed
    When the person changes the answer to "province" to "Herat"
    Then "province_capital" is contradicted
    And the country's rule is not met with 0 confirmations

  Scenario: An officer's confirmation does not carry over to a changed answer
    When the person gives these answers:
      | question         | answer                  |
      | documents_held   | e_tazkira               |
      | languages_spoken | Dari, Pashto            |
      | currency         | afghani                 |
      | independence_day | 19 August               |
      | nowruz           | 21 March                |
    And the officer confirms these answers:
      | question         | because                                          |
      | documents_held   | e-tazkira seen, photo and names match            |
      | languages_spoken | the interpreter confirms fluent Dari and Pashto  |
    And the person changes the answer to "documents_held" to "Paper tazkira"
    Then "documents_held" is unconfirmed
    And the country's rule is not met with 4 confirmations
    And the conclusion is "insufficient"

  # -- Protection and the request -----------------------------------------------------

  Scenario: A wish to seek asylum blocks the request and produces a referral
    Given the interview begins with the protection screening
    And the interview is held in Mexico
    And the interview takes place on 2026-03-01
    When the person answers the protection screening with no flag raised, except:
      | question     | answer |
      | wants_asylum | yes    |
    Then the flag "asylum_intent" is raised
    When the person gives these answers:
      | question         | answer        |
      | given_name       | Mohammad Nabi |
      | father_name      | Abdul Rahim   |
      | grandfather_name | Gul Ahmad     |
      | date_of_birth    | 1995          |
      | province         | Kabul         |
      | village_or_town  | Paghman       |
      | documents_held   | e_tazkira     |
      | languages_spoken | Dari          |
    And the officer closes the interview
    And the officer asks for the certificate request
    Then no certificate request is produced
    And the request is held back because of "protection"
    When the officer asks for the referral
    Then a referral goes to the "asylum_authority"

  Scenario: A request from the United States goes to the Embassy in Ottawa
    Given the interview begins with the protection screening
    And the interview is held in United States
    And the interview takes place on 2026-03-01
    When the person answers the protection screening with no flag raised, except:
      | question             | answer      |
      | declared_nationality | Afghanistan |
    And the person gives these answers:
      | question         | answer        |
      | given_name       | Mohammad Nabi |
      | father_name      | Abdul Rahim   |
      | grandfather_name | Gul Ahmad     |
      | date_of_birth    | 1995          |
      | province         | Kabul         |
      | village_or_town  | Paghman       |
      | documents_held   | e_tazkira     |
      | languages_spoken | Dari          |
    And the officer closes the interview
    And the officer asks for the certificate request
    Then the request is addressed to "Embassy of Afghanistan, Ottawa"
