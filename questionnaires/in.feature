# Scenario file for the India questionnaire (in.yaml).
#
# Each scenario describes an interview in plain words and what natid must conclude
# from it. Run them all with:
#
#     natid test questionnaires/in.yaml
#
# docs/scenarios.md explains how to write scenarios and lists every sentence natid
# understands. Questions are named by their id in in.yaml ("state", "currency"…).

Feature: The India questionnaire's rules
  India's consulates may be asked for an Emergency Certificate once five answers
  are confirmed. Declining to answer never counts against the person; wrong
  answers and contradicted documents call for a consular interview.

  Background:
    Given an interview with the India questionnaire

  # -- The country's rule: five confirmations --------------------------------------

  Scenario: Five confirmations meet the rule
    When the person gives these answers:
      | question         | answer                |
      | documents_held   | Aadhaar card          |
      | languages_spoken | Punjabi, Hindi        |
      | currency         | rupee                 |
      | independence_day | 15 August             |
      | national_anthem  | Jana Gana Mana        |
    And the officer confirms these answers:
      | question         | because                                      |
      | documents_held   | Aadhaar card seen, photo and name match      |
      | languages_spoken | the interpreter confirms fluent Punjabi      |
    Then "documents_held" is confirmed
    And "currency" is confirmed
    And the country's rule is met with 5 confirmations
    And the strength of support is towards the presumed nationality
    And the conclusion is "presumption supported"

  Scenario: Four confirmations are one too few
    When the person gives these answers:
      | question         | answer                |
      | documents_held   | Aadhaar card          |
      | languages_spoken | Punjabi, Hindi        |
      | currency         | rupee                 |
      | independence_day | 15 August             |
    And the officer confirms these answers:
      | question         | because                                      |
      | documents_held   | Aadhaar card seen, photo and name match      |
      | languages_spoken | the interpreter confirms fluent Punjabi      |
    Then the country's rule is not met with 4 confirmations
    And the strength of support is towards the presumed nationality
    And the conclusion is "insufficient"

  Scenario: What only the consulate can check stays unconfirmed
    When the person answers "full_name" with "Gurpreet Singh Sandhu"
    And the person answers "village_or_town" with "Rurka Kalan"
    And the person answers "documents_held" with "voter_id"
    Then "full_name" is unconfirmed
    And "documents_held" is unconfirmed
    And the country's rule is not met with 0 confirmations
    And the conclusion is "insufficient"

  Scenario: Answers in Hindi are checked against the Hindi spellings
    Given an interview in Hindi with an officer working in Spanish
    When the person answers "state" with "पंजाब"
    And the person answers "state_capital" with "चंडीगढ़"
    And the person answers "currency" with "रुपया"
    And the person answers "independence_day" with "15 अगस्त"
    Then "state_capital" is confirmed
    And "currency" is confirmed
    And "independence_day" is confirmed
    And the country's rule is not met with 3 confirmations

  # -- Contradictions pull towards non-nationality ----------------------------------

  Scenario: Wrong answers about India call for a consular interview
    When the person answers "currency" with "dollar"
    And the person answers "independence_day" with "26 January"
    Then "currency" is contradicted
    And "independence_day" is contradicted
    And the strength of support is against the presumed nationality
    And the conclusion is "consular interview needed"

  Scenario: A document the officer finds false calls for a consular interview
    When the person answers "documents_held" with "aadhaar"
    And the officer contradicts "documents_held" because "the Aadhaar card shown belongs to someone else"
    Then "documents_held" is contradicted
    And the strength of support is against the presumed nationality
    And the conclusion is "consular interview needed"

  Scenario: A false document outweighs right answers about India
    When the person answers "documents_held" with "Aadhaar card"
    And the officer contradicts "documents_held" because "the Aadhaar card shown belongs to someone else"
    And the person answers "currency" with "rupee"
    And the person answers "national_anthem" with "Jana Gana Mana"
    Then "currency" is confirmed
    And the country's rule is not met with 2 confirmations
    And the strength of support is against the presumed nationality
    And the conclusion is "consular interview needed"

  Scenario: A district outside the state given makes the answers inconsistent
    When the person answers "state" with "Punjab"
    And the person answers "district" with "Ahmedabad"
    Then the answers are inconsistent because of "district_in_state"
    And the conclusion is "consular interview needed"

  Scenario: A PIN code from another state makes the answers inconsistent
    When the person answers "state" with "PB"
    And the person answers "pin_code" with "380001"
    Then the answers are inconsistent because of "pin_matches_state"

  Scenario: An age that does not fit the date of birth makes the answers inconsistent
    Given the interview takes place on 2026-03-01
    When the person answers "date_of_birth" with "1990-05-10"
    And the person answers "age" with "25"
    Then the answers are inconsistent because of "age_matches_date_of_birth"

  Scenario: An age that fits the date of birth is consistent
    Given the interview takes place on 2026-03-01
    When the person answers "date_of_birth" with "1990-05-10"
    And the person answers "age" with "35"
    Then the answers are consistent

  # -- Declining and not knowing are neutral ----------------------------------------

  Scenario: Declining or not knowing counts neither for nor against the person
    When the person declines to answer "father_name"
    And the person does not know "tehsil"
    And the person does not know "national_anthem"
    Then "father_name" is declined
    And "tehsil" is declined
    And "national_anthem" is declined
    And the country's rule is not met with 0 confirmations
    And the strength of support is neutral
    And the conclusion is "insufficient"

  Scenario: Declined answers leave a met rule and its strength as they are
    When the person gives these answers:
      | question         | answer                |
      | documents_held   | Aadhaar card          |
      | languages_spoken | Punjabi, Hindi        |
      | currency         | rupee                 |
      | independence_day | 15 August             |
      | national_anthem  | Jana Gana Mana        |
    And the officer confirms these answers:
      | question         | because                                      |
      | documents_held   | Aadhaar card seen, photo and name match      |
      | languages_spoken | the interpreter confirms fluent Punjabi      |
    And the person declines to answer "mother_name"
    And the person does not know "police_station"
    And the person does not know "state"
    Then the country's rule is met with 5 confirmations
    And the assessment is the same as if "mother_name" had been left unanswered
    And the assessment is the same as if "police_station" had been left unanswered
    And the assessment is the same as if "state" had been left unanswered
    And the conclusion is "presumption supported"

  # -- Questions that appear and disappear -------------------------------------------

  Scenario Outline: The district is asked for Punjab, Haryana and Gujarat
    When the person answers "state" with "<state>"
    Then "district" is asked

    Examples:
      | state   |
      | Punjab  |
      | Haryana |
      | Gujarat |

  Scenario Outline: The district is not asked for other states
    When the person answers "state" with "<state>"
    Then "district" is not asked

    Examples:
      | state      |
      | Kerala     |
      | Delhi      |
      | Tamil Nadu |

  Scenario: The district disappears when the state changes
    When the person answers "state" with "PB"
    And the person answers "district" with "amritsar"
    And the person changes the answer to "state" to "KL"
    Then "district" is not asked
    And the answers are consistent

  Scenario: The capital of the state is asked once the state is known
    Then "state_capital" is not asked
    When the person answers "state" with "Kerala"
    Then "state_capital" is asked

  Scenario: The passport number is asked only when a passport is held
    When the person answers "documents_held" with "aadhaar, ration_card"
    Then "passport_number" is not asked
    When the person changes the answer to "documents_held" to "passport, aadhaar"
    Then "passport_number" is asked

  # -- Answers changed after review ---------------------------------------------------

  Scenario: A corrected answer gains a confirmation
    When the person answers "currency" with "dollar"
    Then "currency" is contradicted
    When the person changes the answer to "currency" to "rupees"
    Then "currency" is confirmed
    And the country's rule is not met with 1 confirmation
    And the strength of support is towards the presumed nationality

  Scenario: Changing the state loses the confirmation of its capital
    When the person answers "state" with "Punjab"
    And the person answers "state_capital" with "Chandigarh"
    Then "state_capital" is confirmed
    When the person changes the answer to "state" to "Gujarat"
    Then "state_capital" is contradicted
    And the country's rule is not met with 0 confirmations

  Scenario: An officer's confirmation does not carry over to a changed answer
    When the person gives these answers:
      | question         | answer                |
      | documents_held   | Aadhaar card          |
      | languages_spoken | Punjabi, Hindi        |
      | currency         | rupee                 |
      | independence_day | 15 August             |
      | national_anthem  | Jana Gana Mana        |
    And the officer confirms these answers:
      | question         | because                                      |
      | documents_held   | Aadhaar card seen, photo and name match      |
      | languages_spoken | the interpreter confirms fluent Punjabi      |
    And the person changes the answer to "documents_held" to "Ration card"
    Then "documents_held" is unconfirmed
    And the country's rule is not met with 4 confirmations
    And the conclusion is "insufficient"
