# Scenario file for the Nepal questionnaire (np.yaml).
#
# Each scenario describes an interview in plain words and what natid must conclude
# from it. Run them all with:
#
#     natid test questionnaires/np.yaml
#
# docs/scenarios.md explains how to write scenarios and lists every sentence natid
# understands. Questions are named by their id in np.yaml ("province", "currency"…).

Feature: The Nepal questionnaire's rules
  Nepal's missions may be asked for a one-way Travel Document once five answers
  are confirmed. Declining to answer never counts against the person; wrong
  answers, a district outside the province given and contradicted documents call
  for a consular interview.

  Background:
    Given an interview with the Nepal questionnaire

  # -- The country's rule: five confirmations --------------------------------------

  Scenario: Five confirmations meet the rule
    When the person gives these answers:
      | question              | answer                  |
      | nationality_documents | citizenship_certificate |
      | languages_spoken      | Nepali, Tamang          |
      | currency              | rupee                   |
      | national_flower       | laligurans              |
      | unifier_of_nepal      | Prithvi Narayan Shah    |
    And the officer confirms these answers:
      | question              | because                                              |
      | nationality_documents | photo of the citizenship certificate seen, it fits   |
      | languages_spoken      | the interpreter confirms fluent Nepali of Nepal      |
    Then "nationality_documents" is confirmed
    And "national_flower" is confirmed
    And the country's rule is met with 5 confirmations
    And the strength of support is towards the presumed nationality
    And the conclusion is "presumption supported"

  Scenario: Four confirmations are one too few
    When the person gives these answers:
      | question              | answer                  |
      | nationality_documents | citizenship_certificate |
      | languages_spoken      | Nepali, Tamang          |
      | currency              | rupee                   |
      | national_flower       | laligurans              |
    And the officer confirms these answers:
      | question              | because                                              |
      | nationality_documents | photo of the citizenship certificate seen, it fits   |
      | languages_spoken      | the interpreter confirms fluent Nepali of Nepal      |
    Then the country's rule is not met with 4 confirmations
    And the strength of support is towards the presumed nationality
    And the conclusion is "insufficient"

  Scenario: Knowledge and language alone never support the presumption
    When the person gives these answers:
      | question         | answer               |
      | province         | P4                   |
      | province_capital | Pokhara              |
      | languages_spoken | Nepali, Gurung       |
      | currency         | rupee                |
      | national_flower  | laligurans           |
      | unifier_of_nepal | Prithvi Narayan Shah |
    And the officer confirms "languages_spoken" because "the interpreter confirms fluent Nepali"
    Then the country's rule is met with 5 confirmations
    And the strength of support is towards the presumed nationality
    But the conclusion is "insufficient"

  Scenario: What only the consulate can check stays unconfirmed
    When the person answers "given_name" with "Ram Bahadur"
    And the person answers "thar" with "Thapa"
    And the person answers "village_or_town" with "Sulikot-5, Barpak"
    And the person answers "nationality_documents" with "citizenship_certificate"
    And the person answers "citizenship_number" with "36-01-70-01234"
    Then "given_name" is unconfirmed
    And "citizenship_number" is unconfirmed
    And "nationality_documents" is unconfirmed
    And the country's rule is not met with 0 confirmations
    And the conclusion is "insufficient"

  Scenario: Answers in Nepali are checked against the Devanagari spellings
    Given an interview in Nepali with an officer working in Spanish
    When the person answers "province" with "P1"
    And the person answers "province_capital" with "विराटनगर"
    And the person answers "currency" with "रुपैयाँ"
    And the person answers "main_festival" with "दशैं"
    And the person answers "national_anthem" with "सयौं थुँगा फूलका"
    Then "province_capital" is confirmed
    And "currency" is confirmed
    And "main_festival" is confirmed
    And "national_anthem" is confirmed
    And the country's rule is not met with 4 confirmations

  Scenario Outline: Both seats of a province that is moving its capital count
    When the person answers "province" with "<province>"
    And the person answers "province_capital" with "<capital>"
    Then "province_capital" is confirmed

    Examples:
      | province | capital       |
      | P5       | Deukhuri      |
      | P5       | Butwal        |
      | P7       | Godawari      |
      | P7       | Dhangadhi     |
      | P6       | Surkhet       |
      | P2       | Janakpurdham  |

  Scenario: The former royal anthem also shows an upbringing in Nepal
    When the person answers "national_anthem" with "Shriman Gambhir"
    Then "national_anthem" is confirmed

  Scenario: Everest is known everywhere, so it weighs less than the currency
    When the person answers "highest_mountain" with "Everest"
    Then "highest_mountain" is confirmed
    And the strength of support is described as "no support either way"
    When the person answers "currency" with "rupee"
    Then the strength of support is described as "weak support"

  # -- Contradictions pull towards non-nationality ----------------------------------

  Scenario: Wrong answers about Nepal call for a consular interview
    When the person answers "currency" with "dollar"
    And the person answers "main_festival" with "Diwali"
    Then "currency" is contradicted
    And "main_festival" is contradicted
    And the strength of support is against the presumed nationality
    And the conclusion is "consular interview needed"

  Scenario: A document the officer finds false calls for a consular interview
    When the person answers "nationality_documents" with "citizenship_certificate"
    And the officer contradicts "nationality_documents" because "the certificate shown belongs to someone else"
    Then "nationality_documents" is contradicted
    And the strength of support is against the presumed nationality
    And the conclusion is "consular interview needed"

  Scenario: A false document outweighs right answers about Nepal
    When the person answers "nationality_documents" with "Nepali passport"
    And the officer contradicts "nationality_documents" because "the passport photo is not theirs"
    And the person answers "currency" with "rupee"
    And the person answers "national_flower" with "rhododendron"
    And the person answers "unifier_of_nepal" with "Prithvi Narayan Shah"
    Then "currency" is confirmed
    And the country's rule is not met with 3 confirmations
    And the strength of support is against the presumed nationality
    And the conclusion is "consular interview needed"

  Scenario: A district outside the province given makes the answers inconsistent
    When the person answers "province" with "Koshi (formerly Province No. 1)"
    And the person answers "district" with "Kathmandu"
    Then the answers are inconsistent because of "district_in_province"
    And the conclusion is "consular interview needed"

  Scenario Outline: Each half of Nawalparasi and Rukum lies in its own province
    When the person answers "province" with "<province>"
    And the person answers "district" with "<district>"
    Then the answers are <result>

    Examples:
      | province | district   | result                                                 |
      | P4       | nawalpur   | consistent                                             |
      | P5       | parasi     | consistent                                             |
      | P4       | parasi     | inconsistent because of "district_in_province"         |
      | P5       | rukum_east | consistent                                             |
      | P6       | rukum_west | consistent                                             |
      | P6       | rukum_east | inconsistent because of "district_in_province"         |

  Scenario: An age that does not fit the date of birth makes the answers inconsistent
    Given the interview takes place on 2026-03-01
    When the person answers "date_of_birth" with "1995-05-10"
    And the person answers "age" with "25"
    Then the answers are inconsistent because of "age_matches_date_of_birth"

  Scenario: A year converted from Bikram Sambat fits the age given
    Given the interview takes place on 2026-03-01
    # Born in 2052 B.S. (Baisakh to mid-Poush): 2052 - 57 = 1995.
    When the person answers "date_of_birth" with "1995"
    And the person answers "age" with "30"
    Then the answers are consistent

  # 1 Baisakh 2081 B.S. is 13 April 2024. The length of each B.S. month changes
  # from year to year (official tables), but every year begins in mid-April:
  # 1 Baisakh 2025 falls 56 years earlier, in April 1968 (the 13th), so 20 Baisakh
  # 2025 is 19 days later, 2 May 1968, and the person is 57 on 1 March 2026.
  # Baisakh 2025 alone is April 1968 (57); the year 2025 B.S. alone (April 1968 to
  # April 1969) is taken as 1968, where most of it falls (57). 1 Baisakh 2052 is
  # 29 years before 2081, in April 1995 (the 14th): 27 Baisakh 2052 is 10 May
  # 1995, and the person is 30.
  Scenario Outline: A date of birth given in Bikram Sambat fits the age
    Given the interview takes place on 2026-03-01
    When the person answers "date_of_birth" with "<date>" in the Bikram Sambat calendar
    And the person answers "age" with "<age>"
    Then the answers are consistent

    Examples:
      | date       | age |
      | 2025-01-20 | 57  |
      | 2025-01    | 57  |
      | 2025       | 57  |
      | 2052-01-27 | 30  |

  # The same numbers read as Gregorian make the person 0 or 1, not 57. (A B.S. date
  # from 2027 on, read as Gregorian, is still to come and cannot be recorded at all.)
  Scenario Outline: The same Bikram Sambat date entered as if it were Gregorian does not fit the age
    Given the interview takes place on 2026-03-01
    When the person answers "date_of_birth" with "<date>"
    And the person answers "age" with "57"
    Then the answers are inconsistent because of "age_matches_date_of_birth"

    Examples:
      | date       |
      | 2025-01-20 |
      | 2025-01    |
      | 2025       |

  # -- Declining and not knowing are neutral ----------------------------------------

  Scenario: Declining or not knowing counts neither for nor against the person
    When the person declines to answer "father_name"
    And the person does not know "province"
    And the person does not know "national_anthem"
    Then "father_name" is declined
    And "province" is declined
    And "national_anthem" is declined
    And the country's rule is not met with 0 confirmations
    And the strength of support is neutral
    And the conclusion is "insufficient"

  Scenario: Declined answers leave a met rule and its strength as they are
    When the person gives these answers:
      | question              | answer                  |
      | nationality_documents | citizenship_certificate |
      | languages_spoken      | Nepali, Tamang          |
      | currency              | rupee                   |
      | national_flower       | laligurans              |
      | unifier_of_nepal      | Prithvi Narayan Shah    |
    And the officer confirms these answers:
      | question              | because                                              |
      | nationality_documents | photo of the citizenship certificate seen, it fits   |
      | languages_spoken      | the interpreter confirms fluent Nepali of Nepal      |
    And the person declines to answer "mother_name"
    And the person declines to answer "citizenship_number"
    And the person does not know "highest_mountain"
    And the person does not know "district"
    Then the country's rule is met with 5 confirmations
    And the assessment is the same as if "mother_name" had been left unanswered
    And the assessment is the same as if "citizenship_number" had been left unanswered
    And the assessment is the same as if "highest_mountain" had been left unanswered
    And the assessment is the same as if "district" had been left unanswered
    And the conclusion is "presumption supported"

  # -- Questions that appear and disappear -------------------------------------------

  Scenario: The citizenship certificate's number and district are asked only when it is held
    When the person answers "nationality_documents" with "national_id, passport"
    Then "citizenship_number" is not asked
    And "citizenship_district" is not asked
    When the person changes the answer to "nationality_documents" to "citizenship_certificate, passport"
    Then "citizenship_number" is asked
    And "citizenship_district" is asked

  Scenario: The certificate's number disappears when no certificate is held any more
    When the person answers "nationality_documents" with "citizenship_certificate"
    And the person answers "citizenship_number" with "36-01-70-01234"
    And the person answers "citizenship_district" with "Gorkha"
    And the person changes the answer to "nationality_documents" to "none"
    Then "citizenship_number" is not asked
    And "citizenship_district" is not asked
    And the answers are consistent

  Scenario: The capital of the province is asked once the province is known
    Then "province_capital" is not asked
    When the person answers "province" with "Karnali (formerly Province No. 6)"
    Then "province_capital" is asked

  # -- Answers changed after review ---------------------------------------------------

  Scenario: A corrected answer gains a confirmation
    When the person answers "currency" with "dollar"
    Then "currency" is contradicted
    When the person changes the answer to "currency" to "rupaiyan"
    Then "currency" is confirmed
    And the country's rule is not met with 1 confirmation
    And the strength of support is towards the presumed nationality

  Scenario: Changing the province loses the confirmation of its capital
    When the person answers "province" with "P4"
    And the person answers "province_capital" with "Pokhara"
    Then "province_capital" is confirmed
    When the person changes the answer to "province" to "P3"
    Then "province_capital" is contradicted
    And the country's rule is not met with 0 confirmations

  # -- Where the request goes ------------------------------------------------------------

  Scenario Outline: The request goes to the Nepali mission that serves the country of the interview
    Given the interview begins with the protection screening
    And the interview is held in <country>
    And the interview takes place on 2026-03-01
    When the person answers the protection screening with no flag raised, except:
      | question             | answer |
      | declared_nationality | NP     |
    And the person gives these answers:
      | question              | answer                  |
      | given_name            | Ram Bahadur             |
      | thar                  | Thapa                   |
      | father_name           | Hari Bahadur Thapa      |
      | date_of_birth         | 1995                    |
      | age                   | 30                      |
      | province              | P4                      |
      | district              | Gorkha                  |
      | village_or_town       | Sulikot-5, Barpak       |
      | nationality_documents | citizenship_certificate |
      | citizenship_number    | 36-01-70-01234          |
      | citizenship_district  | Gorkha                  |
      | languages_spoken      | Nepali, Gurung          |
      | currency              | rupee                   |
      | province_capital      | Pokhara                 |
      | national_flower       | laligurans              |
    And the officer confirms these answers:
      | question              | because                                              |
      | nationality_documents | photo of the citizenship certificate seen, it fits   |
      | languages_spoken      | the interpreter confirms fluent Nepali of Nepal      |
    And the officer closes the interview
    And the officer asks for the certificate request
    Then the request is addressed to "<mission>"

    Examples:
      | country       | mission                            |
      | Mexico        | Embassy of Nepal, Washington, D.C. |
      | Panama        | Embassy of Nepal, Washington, D.C. |
      | United States | Embassy of Nepal, Washington, D.C. |
      | Canada        | Embassy of Nepal, Ottawa           |
