# Scenario file for the Ethiopia questionnaire (et.yaml).
#
# Each scenario describes an interview in plain words and what natid must conclude
# from it. Run them all with:
#
#     natid test questionnaires/et.yaml
#
# docs/scenarios.md explains how to write scenarios and lists every sentence natid
# understands. Questions are named by their id in et.yaml ("region", "currency"…).

Feature: The Ethiopia questionnaire's rules
  Ethiopia's missions may be asked for a laissez-passer once six answers are
  confirmed, at least one of them a document or a statement. Declining to answer
  never counts against the person; wrong answers, contradicted documents and a
  zone outside the region given call for a consular interview.

  Background:
    Given an interview with the Ethiopia questionnaire

  # -- The country's rule: six confirmations ---------------------------------------

  Scenario: Six confirmations meet the rule
    When the person gives these answers:
      | question              | answer                           |
      | nationality_documents | Kebele identity card (original)  |
      | languages_spoken      | Amharic, Oromo (Afaan Oromoo)    |
      | currency              | birr                             |
      | new_year              | Meskerem 1                       |
      | adwa                  | Adwa                             |
      | injera_grain          | teff                             |
    And the officer confirms these answers:
      | question              | because                                            |
      | nationality_documents | kebele ID seen, photo, names and nationality match |
      | languages_spoken      | the interpreter confirms native Oromo and Amharic  |
    Then "nationality_documents" is confirmed
    And "currency" is confirmed
    And the country's rule is met with 6 confirmations
    And the strength of support is towards the presumed nationality
    And the conclusion is "presumption supported"

  Scenario: Five confirmations are one too few
    When the person gives these answers:
      | question              | answer                           |
      | nationality_documents | Kebele identity card (original)  |
      | languages_spoken      | Amharic, Oromo (Afaan Oromoo)    |
      | currency              | birr                             |
      | new_year              | Meskerem 1                       |
      | adwa                  | Adwa                             |
    And the officer confirms these answers:
      | question              | because                                            |
      | nationality_documents | kebele ID seen, photo, names and nationality match |
      | languages_spoken      | the interpreter confirms native Oromo and Amharic  |
    Then the country's rule is not met with 5 confirmations
    And the strength of support is towards the presumed nationality
    And the conclusion is "insufficient"

  Scenario: Knowledge and language alone meet the rule but do not carry it
    When the person gives these answers:
      | question         | answer         |
      | languages_spoken | Tigrinya       |
      | region           | Tigray         |
      | region_capital   | Mekelle        |
      | currency         | birr           |
      | new_year         | 11 September   |
      | meskel           | Meskel         |
      | adwa             | Adwa           |
    And the officer confirms "languages_spoken" because "the interpreter confirms native Tigrinya"
    Then the country's rule is met with 6 confirmations
    And the strength of support is towards the presumed nationality
    And the conclusion is "insufficient"

  Scenario: What only the consulate can check stays unconfirmed
    When the person answers "given_name" with "Abebe"
    And the person answers "father_name" with "Kebede"
    And the person answers "grandfather_name" with "Tesfaye"
    And the person answers "village_or_town" with "Debre Markos, Kebele 03"
    And the person answers "other_documents" with "birth_certificate"
    Then "given_name" is unconfirmed
    And "grandfather_name" is unconfirmed
    And "other_documents" is unconfirmed
    And the country's rule is not met with 0 confirmations
    And the conclusion is "insufficient"

  Scenario: Answers in Amharic are checked against the Amharic spellings
    Given an interview in Amharic with an officer working in Spanish
    When the person answers "region" with "ትግራይ"
    And the person answers "region_capital" with "መቐለ"
    And the person answers "currency" with "ብር"
    And the person answers "new_year" with "መስከረም 1"
    And the person answers "adwa" with "ዓድዋ"
    And the person answers "coffee_pot" with "ጀበና"
    Then "region_capital" is confirmed
    And "currency" is confirmed
    And "new_year" is confirmed
    And "adwa" is confirmed
    And "coffee_pot" is confirmed
    And the country's rule is not met with 5 confirmations

  Scenario Outline: The New Year is right in either calendar
    When the person answers "new_year" with "<answer>"
    Then "new_year" is <outcome>

    Examples:
      | answer           | outcome      |
      | Meskerem 1       | confirmed    |
      | 1 Meskerem       | confirmed    |
      | 11 September     | confirmed    |
      | September 12     | confirmed    |
      | 11 de septiembre | confirmed    |
      | Meskerem 11      | contradicted |
      | 1 January        | contradicted |

  Scenario Outline: Oromia's capital counts by either name
    When the person answers "region" with "Oromia"
    And the person answers "region_capital" with "<capital>"
    Then "region_capital" is <outcome>

    Examples:
      | capital     | outcome      |
      | Finfinne    | confirmed    |
      | Finfinnee   | confirmed    |
      | Addis Ababa | confirmed    |
      | አዲስ አበባ     | confirmed    |
      | Adama       | contradicted |

  Scenario Outline: Every seat of the South West region counts
    When the person answers "region" with "SW"
    And the person answers "region_capital" with "<capital>"
    Then "region_capital" is confirmed

    Examples:
      | capital      |
      | Bonga        |
      | Mizan Teferi |
      | Tarcha       |
      | Tepi         |

  # -- Contradictions pull towards non-nationality ----------------------------------

  Scenario: Wrong answers about Ethiopia call for a consular interview
    When the person answers "currency" with "nakfa"
    And the person answers "adwa" with "Karamara"
    Then "currency" is contradicted
    And "adwa" is contradicted
    And the strength of support is against the presumed nationality
    And the conclusion is "consular interview needed"

  Scenario: A document the officer finds false calls for a consular interview
    When the person answers "nationality_documents" with "kebele_id"
    And the officer contradicts "nationality_documents" because "the kebele ID card shown belongs to someone else"
    Then "nationality_documents" is contradicted
    And the strength of support is against the presumed nationality
    And the conclusion is "consular interview needed"

  Scenario: A false document outweighs right answers about Ethiopia
    When the person answers "nationality_documents" with "Ethiopian passport (original)"
    And the officer contradicts "nationality_documents" because "the passport shown is forged"
    And the person answers "currency" with "birr"
    And the person answers "meskel" with "Meskel"
    And the person answers "injera_grain" with "teff"
    Then "currency" is confirmed
    And the country's rule is not met with 3 confirmations
    And the strength of support is against the presumed nationality
    And the conclusion is "consular interview needed"

  Scenario Outline: A zone outside the region given makes the answers inconsistent
    When the person answers "region" with "<region>"
    And the person answers "zone" with "<zone>"
    Then the answers are inconsistent because of "zone_in_region"
    And the conclusion is "consular interview needed"

    Examples:
      | region  | zone                  |
      | Oromia  | North Shewa (Amhara)  |
      | Sidama  | Wolayita              |
      | Amhara  | Western (Tigray)      |
      | AA      | sheger_city           |

  Scenario: A zone inside the region given is consistent
    When the person answers "region" with "Central Ethiopia"
    And the person answers "zone" with "East Gurage"
    Then the answers are consistent

  Scenario: An Ethiopian-calendar date recorded as Gregorian makes the answers inconsistent
    Given the interview takes place on 2026-11-20
    When the person answers "date_of_birth" with "1990-05-15"
    And the person answers "age" with "28"
    Then the answers are inconsistent because of "age_matches_date_of_birth"

  Scenario: The same date converted to the Gregorian calendar is consistent
    Given the interview takes place on 2026-11-20
    When the person answers "date_of_birth" with "1998-01-23"
    And the person answers "age" with "28"
    Then the answers are consistent

  # 1 Meskerem 2017 E.C. is 11 September 2024. The 37 Ethiopian years before it
  # (1980 to 2016 E.C.) have nine with a Pagume 6 (1983, 1987 ... 2015), so they
  # are 37 x 365 + 9 = 13,514 days long: 1 Meskerem 1980 E.C. is 12 September 1987.
  # Megabit 10 is day 190 of the year (six months of 30 days, then 10), 189 days
  # later: 19 March 1988, which makes the person 38 on 20 November 2026. Megabit
  # 1980 alone is March 1988 (38); the year 1980 E.C. alone (September 1987 to
  # September 1988) is taken as 1988, where most of it falls (37 or 38).
  Scenario Outline: A date of birth given in the Ethiopian calendar fits the age
    Given the interview takes place on 2026-11-20
    When the person answers "date_of_birth" with "<date>" in the Ethiopian calendar
    And the person answers "age" with "38"
    Then the answers are consistent

    Examples:
      | date       |
      | 1980-07-10 |
      | 1980-07    |
      | 1980       |

  # The same numbers read as Gregorian make the person 45 or 46, seven or eight
  # years more than the 38 stated.
  Scenario Outline: The same Ethiopian date entered as if it were Gregorian does not fit the age
    Given the interview takes place on 2026-11-20
    When the person answers "date_of_birth" with "<date>"
    And the person answers "age" with "38"
    Then the answers are inconsistent because of "age_matches_date_of_birth"

    Examples:
      | date       |
      | 1980-07-10 |
      | 1980-07    |
      | 1980       |

  # -- Declining and not knowing are neutral ----------------------------------------

  Scenario: Declining or not knowing counts neither for nor against the person
    When the person declines to answer "mother_name"
    And the person does not know "grandfather_name"
    And the person does not know "adwa"
    Then "mother_name" is declined
    And "grandfather_name" is declined
    And "adwa" is declined
    And the country's rule is not met with 0 confirmations
    And the strength of support is neutral
    And the conclusion is "insufficient"

  Scenario: Declined answers leave a met rule and its strength as they are
    When the person gives these answers:
      | question              | answer                           |
      | nationality_documents | Kebele identity card (original)  |
      | languages_spoken      | Amharic, Oromo (Afaan Oromoo)    |
      | currency              | birr                             |
      | new_year              | Meskerem 1                       |
      | adwa                  | Adwa                             |
      | injera_grain          | teff                             |
    And the officer confirms these answers:
      | question              | because                                            |
      | nationality_documents | kebele ID seen, photo, names and nationality match |
      | languages_spoken      | the interpreter confirms native Oromo and Amharic  |
    And the person declines to answer "mother_name"
    And the person does not know "coffee_pot"
    And the person does not know "region"
    Then the country's rule is met with 6 confirmations
    And the assessment is the same as if "mother_name" had been left unanswered
    And the assessment is the same as if "coffee_pot" had been left unanswered
    And the assessment is the same as if "region" had been left unanswered
    And the conclusion is "presumption supported"

  # -- Questions that appear and disappear -------------------------------------------

  Scenario Outline: The zone is asked for the regions that have zones
    When the person answers "region" with "<region>"
    Then "zone" is asked

    Examples:
      | region                      |
      | Tigray                      |
      | Oromia                      |
      | Somali                      |
      | South West Ethiopia Peoples |
      | Addis Ababa (chartered city) |

  Scenario Outline: The zone is not asked for Harari and Dire Dawa
    When the person answers "region" with "<region>"
    Then "zone" is not asked

    Examples:
      | region                     |
      | Harari                     |
      | Dire Dawa (chartered city) |

  Scenario: The zone disappears when the region changes to one without zones
    When the person answers "region" with "TI"
    And the person answers "zone" with "central_tigray"
    And the person changes the answer to "region" to "HA"
    Then "zone" is not asked
    And the answers are consistent

  Scenario: The capital of the region is asked once a region with a capital is known
    Then "region_capital" is not asked
    When the person answers "region" with "Amhara"
    Then "region_capital" is asked
    When the person changes the answer to "region" to "AA"
    Then "region_capital" is not asked

  Scenario: The passport number is asked only when a passport or a copy is held
    When the person answers "nationality_documents" with "kebele_id"
    And the person answers "other_documents" with "birth_certificate"
    Then "passport_number" is not asked
    When the person changes the answer to "other_documents" to "passport_copy, birth_certificate"
    Then "passport_number" is asked

  Scenario: The passport number is asked when the passport itself is shown
    When the person answers "nationality_documents" with "passport"
    Then "passport_number" is asked

  Scenario: The Fayda number is asked only when a Fayda ID is held
    When the person answers "other_documents" with "driving_licence"
    Then "fayda_number" is not asked
    When the person changes the answer to "other_documents" to "fayda, driving_licence"
    Then "fayda_number" is asked

  # -- Answers changed after review ---------------------------------------------------

  Scenario: A corrected answer gains a confirmation
    When the person answers "currency" with "nakfa"
    Then "currency" is contradicted
    When the person changes the answer to "currency" to "birr"
    Then "currency" is confirmed
    And the country's rule is not met with 1 confirmation
    And the strength of support is towards the presumed nationality

  Scenario: Changing the region loses the confirmation of its capital
    When the person answers "region" with "Tigray"
    And the person answers "region_capital" with "Mekelle"
    Then "region_capital" is confirmed
    When the person changes the answer to "region" to "Afar"
    Then "region_capital" is contradicted
    And the country's rule is not met with 0 confirmations

  Scenario: An officer's confirmation does not carry over to a changed answer
    When the person gives these answers:
      | question              | answer                           |
      | nationality_documents | Kebele identity card (original)  |
      | languages_spoken      | Amharic, Oromo (Afaan Oromoo)    |
      | currency              | birr                             |
      | new_year              | Meskerem 1                       |
      | adwa                  | Adwa                             |
      | injera_grain          | teff                             |
    And the officer confirms these answers:
      | question              | because                                            |
      | nationality_documents | kebele ID seen, photo, names and nationality match |
      | languages_spoken      | the interpreter confirms native Oromo and Amharic  |
    And the person changes the answer to "nationality_documents" to "Ethiopian passport (original)"
    Then "nationality_documents" is unconfirmed
    And the country's rule is not met with 5 confirmations
    And the conclusion is "insufficient"

  # -- Where the request goes ---------------------------------------------------------

  Scenario Outline: The request goes to the Ethiopian embassy that serves the country of the interview
    Given the interview begins with the protection screening
    And the interview is held in <country>
    And the interview takes place on 2026-11-20
    When the person answers the protection screening with no flag raised
    And the person gives these answers:
      | question              | answer                          |
      | given_name            | Abebe                           |
      | father_name           | Kebede                          |
      | grandfather_name      | Tesfaye                         |
      | date_of_birth         | 1998-01-23                      |
      | region                | Amhara                          |
      | zone                  | East Gojjam                     |
      | village_or_town       | Debre Markos, Kebele 03         |
      | nationality_documents | Kebele identity card (original) |
      | languages_spoken      | Amharic                         |
      | currency              | birr                            |
      | region_capital        | Bahir Dar                       |
      | new_year              | Meskerem 1                      |
      | adwa                  | Adwa                            |
    And the officer confirms these answers:
      | question              | because                                            |
      | nationality_documents | kebele ID seen, photo, names and nationality match |
      | languages_spoken      | the interpreter confirms native Amharic            |
    And the officer closes the interview
    And the officer asks for the certificate request
    Then the request is addressed to "<embassy>"

    Examples:
      | country       | embassy                               |
      | Mexico        | Embassy of Ethiopia, Washington, D.C. |
      | United States | Embassy of Ethiopia, Washington, D.C. |
      | Canada        | Embassy of Ethiopia, Ottawa           |
