# Scenario file for the Bangladesh questionnaire (bd.yaml).
#
# Each scenario describes an interview in plain words and what natid must conclude
# from it. Run them all with:
#
#     natid test questionnaires/bd.yaml
#
# docs/scenarios.md explains how to write scenarios and lists every sentence natid
# understands. Questions are named by their id in bd.yaml ("division", "currency"…).

Feature: The Bangladesh questionnaire's rules
  Bangladesh's missions may be asked for a Travel Permit once five answers are
  confirmed. Declining to answer never counts against the person; wrong answers,
  a district outside the division given and contradicted documents call for a
  consular interview.

  Background:
    Given an interview with the Bangladesh questionnaire

  # -- The country's rule: five confirmations --------------------------------------

  Scenario: Five confirmations meet the rule
    When the person gives these answers:
      | question           | answer             |
      | identity_documents | Smart NID card     |
      | languages_spoken   | Bengali, Sylheti   |
      | currency           | taka               |
      | victory_day        | 16 December        |
      | national_anthem    | Amar Shonar Bangla |
    And the officer confirms these answers:
      | question           | because                                        |
      | identity_documents | smart NID card seen, photo and name match      |
      | languages_spoken   | the interpreter confirms fluent Sylheti Bangla |
    Then "identity_documents" is confirmed
    And "currency" is confirmed
    And the country's rule is met with 5 confirmations
    And the strength of support is towards the presumed nationality
    And the conclusion is "presumption supported"

  Scenario: Four confirmations are one too few
    When the person gives these answers:
      | question           | answer           |
      | identity_documents | Smart NID card   |
      | languages_spoken   | Bengali, Sylheti |
      | currency           | taka             |
      | victory_day        | 16 December      |
    And the officer confirms these answers:
      | question           | because                                        |
      | identity_documents | smart NID card seen, photo and name match      |
      | languages_spoken   | the interpreter confirms fluent Sylheti Bangla |
    Then the country's rule is not met with 4 confirmations
    And the strength of support is towards the presumed nationality
    And the conclusion is "insufficient"

  Scenario: Five knowledge and language answers alone do not carry the presumption
    When the person gives these answers:
      | question         | answer             |
      | division         | Sylhet             |
      | another_district | Moulvibazar        |
      | languages_spoken | Bengali            |
      | currency         | taka               |
      | victory_day      | 16 December        |
      | national_anthem  | Amar Shonar Bangla |
    And the officer confirms "languages_spoken" because "the interpreter confirms fluent Bengali"
    Then the country's rule is met with 5 confirmations
    But the conclusion is "insufficient"

  Scenario: What only the consulate can check stays unconfirmed
    When the person answers "given_names" with "Md. Abdul Karim"
    And the person answers "village_or_town" with "Dakshinbhag, Kulaura"
    And the person answers "other_documents" with "birth_registration"
    And the person answers "birth_registration_number" with "19951234567890123"
    Then "given_names" is unconfirmed
    And "birth_registration_number" is unconfirmed
    And "other_documents" is unconfirmed
    And the country's rule is not met with 0 confirmations
    And the conclusion is "insufficient"

  Scenario: Answers in Bengali are checked against the Bengali spellings
    Given an interview in Bengali with an officer working in Spanish
    When the person answers "division" with "সিলেট"
    And the person answers "another_district" with "মৌলভীবাজার"
    And the person answers "currency" with "টাকা"
    And the person answers "victory_day" with "১৬ ডিসেম্বর"
    And the person answers "national_fish" with "ইলিশ মাছ"
    Then "another_district" is confirmed
    And "currency" is confirmed
    And "victory_day" is confirmed
    And "national_fish" is confirmed
    And the country's rule is not met with 4 confirmations

  Scenario: Old English spellings of districts count
    When the person answers "division" with "chattogram"
    And the person answers "another_district" with "Comilla"
    Then "another_district" is confirmed

  # -- Contradictions pull towards non-nationality ----------------------------------

  Scenario: Wrong answers about Bangladesh call for a consular interview
    When the person answers "currency" with "rupee"
    And the person answers "victory_day" with "26 March"
    Then "currency" is contradicted
    And "victory_day" is contradicted
    And the strength of support is against the presumed nationality
    And the conclusion is "consular interview needed"

  Scenario: Victory Day must be exact: a date one digit off does not count
    When the person answers "victory_day" with "26 December"
    Then "victory_day" is contradicted
    When the person changes the answer to "victory_day" to "16th December"
    Then "victory_day" is confirmed

  Scenario: A district of another division does not answer the question
    When the person answers "division" with "Sylhet"
    And the person answers "another_district" with "Cumilla"
    Then "another_district" is contradicted

  Scenario: A document the officer finds false calls for a consular interview
    When the person answers "identity_documents" with "nid_laminated"
    And the officer contradicts "identity_documents" because "the NID card shown belongs to someone else"
    Then "identity_documents" is contradicted
    And the strength of support is against the presumed nationality
    And the conclusion is "consular interview needed"

  Scenario: A false document outweighs right answers about Bangladesh
    When the person answers "identity_documents" with "Smart NID card"
    And the officer contradicts "identity_documents" because "the smart card shown belongs to someone else"
    And the person answers "currency" with "taka"
    And the person answers "national_anthem" with "Amar Sonar Bangla"
    Then "currency" is confirmed
    And "national_anthem" is confirmed
    And the country's rule is not met with 2 confirmations
    And the strength of support is against the presumed nationality
    And the conclusion is "consular interview needed"

  Scenario: A district outside the division given makes the answers inconsistent
    When the person answers "division" with "Sylhet"
    And the person answers "district" with "Noakhali"
    Then the answers are inconsistent because of "district_in_division"
    And the conclusion is "consular interview needed"

  Scenario: A district inside the division given is consistent
    When the person answers "division" with "Mymensingh"
    And the person answers "district" with "Netrokona"
    Then the answers are consistent

  Scenario: An age that does not fit the date of birth makes the answers inconsistent
    Given the interview takes place on 2026-03-01
    When the person answers "date_of_birth" with "1992-01-01"
    And the person answers "age" with "29"
    Then the answers are inconsistent because of "age_matches_date_of_birth"

  Scenario: An age that fits the date of birth is consistent
    Given the interview takes place on 2026-03-01
    When the person answers "date_of_birth" with "1992-01-01"
    And the person answers "age" with "34"
    Then the answers are consistent

  # -- Declining and not knowing are neutral ----------------------------------------

  Scenario: Declining or not knowing counts neither for nor against the person
    When the person declines to answer "father_name"
    And the person does not know "upazila"
    And the person does not know "national_anthem"
    Then "father_name" is declined
    And "upazila" is declined
    And "national_anthem" is declined
    And the country's rule is not met with 0 confirmations
    And the strength of support is neutral
    And the conclusion is "insufficient"

  Scenario: Declined answers leave a met rule and its strength as they are
    When the person gives these answers:
      | question           | answer             |
      | identity_documents | Smart NID card     |
      | languages_spoken   | Bengali, Sylheti   |
      | currency           | taka               |
      | victory_day        | 16 December        |
      | national_anthem    | Amar Shonar Bangla |
    And the officer confirms these answers:
      | question           | because                                        |
      | identity_documents | smart NID card seen, photo and name match      |
      | languages_spoken   | the interpreter confirms fluent Sylheti Bangla |
    And the person declines to answer "surname"
    And the person does not know "national_fish"
    And the person does not know "division"
    Then the country's rule is met with 5 confirmations
    And the assessment is the same as if "surname" had been left unanswered
    And the assessment is the same as if "national_fish" had been left unanswered
    And the assessment is the same as if "division" had been left unanswered
    And the conclusion is "presumption supported"

  # -- Questions that appear and disappear -------------------------------------------

  Scenario Outline: The NID number is asked for either kind of NID card
    When the person answers "identity_documents" with "<documents>"
    Then "nid_number" is asked
    And "passport_number" is not asked

    Examples:
      | documents                             |
      | nid_smart                             |
      | nid_laminated                         |
      | Laminated NID card (older paper card) |

  Scenario: The passport number is asked only when a passport is held
    When the person answers "identity_documents" with "nid_smart"
    Then "passport_number" is not asked
    When the person changes the answer to "identity_documents" to "mrp, nid_smart"
    Then "passport_number" is asked
    And "nid_number" is asked

  Scenario: No document number is asked of a person who holds none of these documents
    When the person answers "identity_documents" with "none"
    Then "nid_number" is not asked
    And "passport_number" is not asked

  Scenario: The birth registration number is asked only when a birth certificate is held
    When the person answers "other_documents" with "driving_licence, school_certificate"
    Then "birth_registration_number" is not asked
    When the person changes the answer to "other_documents" to "birth_registration"
    Then "birth_registration_number" is asked

  Scenario: Another district of the division is asked once the division is known
    Then "another_district" is not asked
    When the person answers "division" with "Khulna"
    Then "another_district" is asked

  Scenario: A division not known leaves the district question, and not the other
    When the person does not know "division"
    Then "district" is asked
    And "another_district" is not asked

  # -- Answers changed after review ---------------------------------------------------

  Scenario: A corrected answer gains a confirmation
    When the person answers "currency" with "rupee"
    Then "currency" is contradicted
    When the person changes the answer to "currency" to "Taka"
    Then "currency" is confirmed
    And the country's rule is not met with 1 confirmation
    And the strength of support is towards the presumed nationality

  Scenario: Changing the division loses the confirmation of another district
    When the person answers "division" with "Sylhet"
    And the person answers "another_district" with "Sunamganj"
    Then "another_district" is confirmed
    When the person changes the answer to "division" to "Rangpur"
    Then "another_district" is contradicted
    And the country's rule is not met with 0 confirmations

  Scenario: An officer's confirmation does not carry over to a changed answer
    When the person gives these answers:
      | question           | answer             |
      | identity_documents | Smart NID card     |
      | languages_spoken   | Bengali, Sylheti   |
      | currency           | taka               |
      | victory_day        | 16 December        |
      | national_anthem    | Amar Shonar Bangla |
    And the officer confirms these answers:
      | question           | because                                        |
      | identity_documents | smart NID card seen, photo and name match      |
      | languages_spoken   | the interpreter confirms fluent Sylheti Bangla |
    And the person changes the answer to "identity_documents" to "mrp"
    Then "identity_documents" is unconfirmed
    And the country's rule is not met with 4 confirmations
    And the conclusion is "insufficient"

  # -- The request goes to the mission that serves the country of the interview ------

  Scenario: Held in Guatemala, the request goes to the Embassy in Mexico City
    Given the interview begins with the protection screening
    And the interview is held in Guatemala
    And the interview takes place on 2026-03-01
    When the person answers the protection screening with no flag raised
    And the person gives these answers:
      | question           | answer               |
      | given_names        | Md. Abdul Karim      |
      | father_name        | Md. Abdul Jalil      |
      | date_of_birth      | 1995-06-10           |
      | division           | Sylhet               |
      | district           | Moulvibazar          |
      | village_or_town    | Dakshinbhag, Kulaura |
      | identity_documents | nid_smart            |
      | nid_number         | 1234567890           |
      | languages_spoken   | Bengali, Sylheti     |
    And the officer confirms "identity_documents" because "smart NID card seen, photo and name match"
    And the officer closes the interview
    And the officer asks for the certificate request
    Then the request is addressed to "Embassy of Bangladesh, Mexico City"
