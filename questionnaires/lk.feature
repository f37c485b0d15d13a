# Scenario file for the Sri Lanka questionnaire (lk.yaml).
#
# Each scenario describes an interview in plain words and what natid must conclude
# from it. Run them all with:
#
#     natid test questionnaires/lk.yaml
#
# docs/scenarios.md explains how to write scenarios and lists every sentence natid
# understands. Questions are named by their id in lk.yaml ("province", "currency"…).

Feature: The Sri Lanka questionnaire's rules
  Sri Lanka's missions may be asked for an Emergency Certificate once five answers
  are confirmed. Declining to answer never counts against the person; wrong
  answers, a district outside the province given and contradicted documents call
  for a consular interview.

  Background:
    Given an interview with the Sri Lanka questionnaire

  # -- The country's rule: five confirmations --------------------------------------

  Scenario: Five confirmations meet the rule
    When the person gives these answers:
      | question              | answer                       |
      | nationality_documents | National Identity Card (NIC) |
      | languages_spoken      | Sinhala, English             |
      | currency              | rupee                        |
      | independence_day      | 4 February                   |
      | national_flower       | Nil Manel                    |
    And the officer confirms these answers:
      | question              | because                                 |
      | nationality_documents | NIC seen, photo and particulars match   |
      | languages_spoken      | the interpreter confirms fluent Sinhala |
    Then "nationality_documents" is confirmed
    And "national_flower" is confirmed
    And the country's rule is met with 5 confirmations
    And the strength of support is towards the presumed nationality
    And the conclusion is "presumption supported"

  Scenario: Four confirmations are one too few
    When the person gives these answers:
      | question              | answer           |
      | nationality_documents | nic              |
      | languages_spoken      | Sinhala, English |
      | currency              | rupee            |
      | independence_day      | 4 February       |
    And the officer confirms these answers:
      | question              | because                                 |
      | nationality_documents | NIC seen, photo and particulars match   |
      | languages_spoken      | the interpreter confirms fluent Sinhala |
    Then the country's rule is not met with 4 confirmations
    And the strength of support is towards the presumed nationality
    And the conclusion is "insufficient"

  Scenario: Knowledge and a birth certificate can meet the rule without an identity document
    When the person gives these answers:
      | question         | answer            |
      | other_documents  | Birth certificate |
      | province         | NP                |
      | province_capital | Jaffna            |
      | sacred_city      | Kandy             |
      | new_year_month   | April             |
      | currency         | rupees            |
    And the officer confirms "other_documents" because "a photo of the birth certificate, names match"
    Then "other_documents" is confirmed
    And "province_capital" is confirmed
    And the country's rule is met with 5 confirmations
    And the conclusion is "presumption supported"

  Scenario: What only the consulate can check stays unconfirmed
    When the person answers "given_names" with "Sunil Kumara"
    And the person answers "surname" with "Bandara"
    And the person answers "ge_name" with "Herath Mudiyanselage"
    And the person answers "village_or_town" with "Kuliyapitiya, GN division Kuliyapitiya East"
    And the person answers "nationality_documents" with "nic"
    And the person answers "nic_number" with "853400937V"
    Then "given_names" is unconfirmed
    And "ge_name" is unconfirmed
    And "nic_number" is unconfirmed
    And "nationality_documents" is unconfirmed
    And the country's rule is not met with 0 confirmations
    And the conclusion is "insufficient"

  Scenario: Answers in Sinhala are checked against the Sinhala spellings
    Given an interview in Sinhala with an officer working in Spanish
    When the person answers "province" with "මධ්‍යම පළාත"
    And the person answers "province_capital" with "මහනුවර"
    And the person answers "currency" with "රුපියල්"
    And the person answers "independence_day" with "පෙබරවාරි 4"
    And the person answers "national_flower" with "නිල් මානෙල්"
    And the person answers "new_year_month" with "බක් මාසය"
    Then "province_capital" is confirmed
    And "currency" is confirmed
    And "independence_day" is confirmed
    And "national_flower" is confirmed
    And "new_year_month" is confirmed
    And the country's rule is met with 5 confirmations

  Scenario: Answers in Tamil are checked against the Tamil spellings
    Given an interview in Tamil with an officer working in English
    When the person answers "province" with "வட மாகாணம்"
    And the person answers "province_capital" with "யாழ்ப்பாணம்"
    And the person answers "currency" with "ரூபா"
    And the person answers "independence_day" with "பெப்ரவரி 4"
    And the person answers "new_year_month" with "சித்திரை"
    Then "province_capital" is confirmed
    And "currency" is confirmed
    And "independence_day" is confirmed
    And "new_year_month" is confirmed
    And the country's rule is not met with 4 confirmations

  Scenario Outline: The capital of each province is accepted
    When the person answers "province" with "<province>"
    And the person answers "province_capital" with "<capital>"
    Then "province_capital" is confirmed

    Examples:
      | province | capital                   |
      | WP       | Colombo                   |
      | WP       | Sri Jayawardenepura Kotte |
      | CP       | Mahanuwara                |
      | SP       | Galle                     |
      | NP       | Yalpanam                  |
      | EP       | Trinco                    |
      | NW       | Kurunegala                |
      | NC       | Anuradhapura              |
      | UP       | Badulla                   |
      | SG       | Ratnapura                 |

  # -- Contradictions pull towards non-nationality ----------------------------------

  Scenario: Wrong answers about Sri Lanka call for a consular interview
    When the person answers "currency" with "dollar"
    And the person answers "independence_day" with "15 August"
    And the person answers "national_flower" with "lotus"
    Then "currency" is contradicted
    And "independence_day" is contradicted
    And "national_flower" is contradicted
    And the strength of support is against the presumed nationality
    And the conclusion is "consular interview needed"

  Scenario: The capital of another province is wrong
    When the person answers "province" with "Eastern Province"
    And the person answers "province_capital" with "Jaffna"
    Then "province_capital" is contradicted

  Scenario: A document the officer finds false calls for a consular interview
    When the person answers "nationality_documents" with "nic"
    And the officer contradicts "nationality_documents" because "the NIC shown belongs to someone else"
    Then "nationality_documents" is contradicted
    And the strength of support is against the presumed nationality
    And the conclusion is "consular interview needed"

  Scenario: A false identity card outweighs right answers about Sri Lanka
    When the person answers "nationality_documents" with "National Identity Card (NIC)"
    And the officer contradicts "nationality_documents" because "the NIC shown belongs to someone else"
    And the person answers "currency" with "rupee"
    And the person answers "sacred_city" with "Kandy"
    Then "currency" is confirmed
    And the country's rule is not met with 2 confirmations
    And the strength of support is against the presumed nationality
    And the conclusion is "consular interview needed"

  Scenario: A district outside the province given makes the answers inconsistent
    When the person answers "province" with "Northern Province"
    And the person answers "district" with "Galle"
    Then the answers are inconsistent because of "district_in_province"
    And the conclusion is "consular interview needed"

  Scenario: A district inside the province given is consistent
    When the person answers "province" with "Eastern Province"
    And the person answers "district" with "Batticaloa"
    Then the answers are consistent

  Scenario: An age that does not fit the date of birth makes the answers inconsistent
    Given the interview takes place on 2026-03-01
    When the person answers "date_of_birth" with "1985-12-06"
    And the person answers "age" with "38"
    Then the answers are inconsistent because of "age_matches_date_of_birth"

  Scenario: An age that fits the date of birth is consistent
    Given the interview takes place on 2026-03-01
    When the person answers "date_of_birth" with "1985-12-06"
    And the person answers "age" with "40"
    Then the answers are consistent

  # -- Declining and not knowing are neutral ----------------------------------------

  Scenario: Declining or not knowing counts neither for nor against the person
    When the person declines to answer "father_name"
    And the person does not know "ge_name"
    And the person does not know "national_flower"
    And the person does not know "province"
    Then "father_name" is declined
    And "ge_name" is declined
    And "national_flower" is declined
    And "province_capital" is not asked
    And the country's rule is not met with 0 confirmations
    And the strength of support is neutral
    And the conclusion is "insufficient"

  Scenario: Declined answers leave a met rule and its strength as they are
    When the person gives these answers:
      | question              | answer     |
      | nationality_documents | nic        |
      | languages_spoken      | Tamil      |
      | currency              | rupee      |
      | independence_day      | 4 February |
      | sacred_city           | Kandy      |
    And the officer confirms these answers:
      | question              | because                               |
      | nationality_documents | NIC seen, photo and particulars match |
      | languages_spoken      | the interpreter confirms Jaffna Tamil |
    And the person declines to answer "mother_name"
    And the person does not know "new_year_month"
    And the person does not know "district"
    Then the country's rule is met with 5 confirmations
    And the assessment is the same as if "mother_name" had been left unanswered
    And the assessment is the same as if "new_year_month" had been left unanswered
    And the assessment is the same as if "district" had been left unanswered
    And the conclusion is "presumption supported"

  # -- Questions that appear and disappear -------------------------------------------

  Scenario: The NIC number is asked only when an NIC is held
    Then "nic_number" is not asked
    When the person answers "nationality_documents" with "passport"
    Then "nic_number" is not asked
    And "passport_number" is asked
    When the person changes the answer to "nationality_documents" to "nic, passport"
    Then "nic_number" is asked
    And "passport_number" is asked

  Scenario: Neither document number is asked without an NIC or a passport
    When the person answers "nationality_documents" with "none"
    Then "nic_number" is not asked
    And "passport_number" is not asked

  Scenario: The capital of the province is asked once the province is known
    Then "province_capital" is not asked
    When the person answers "province" with "Uva Province"
    Then "province_capital" is asked

  # -- Answers changed after review ---------------------------------------------------

  Scenario: Changing the province loses the confirmation of its capital
    When the person answers "province" with "CP"
    And the person answers "province_capital" with "Kandy"
    Then "province_capital" is confirmed
    When the person changes the answer to "province" to "SP"
    Then "province_capital" is contradicted
    And the country's rule is not met with 0 confirmations

  Scenario: An officer's confirmation does not carry over to a changed answer
    When the person gives these answers:
      | question              | answer     |
      | nationality_documents | nic        |
      | languages_spoken      | Sinhala    |
      | currency              | rupee      |
      | independence_day      | 4 February |
      | new_year_month        | April      |
    And the officer confirms these answers:
      | question              | because                                 |
      | nationality_documents | NIC seen, photo and particulars match   |
      | languages_spoken      | the interpreter confirms fluent Sinhala |
    And the person changes the answer to "nationality_documents" to "passport"
    Then "nationality_documents" is unconfirmed
    And the country's rule is not met with 4 confirmations
    And the conclusion is "insufficient"

  # -- Where the request goes ----------------------------------------------------------

  Scenario: A request from Mexico goes to the Embassy in Washington, accredited to Mexico
    Given the interview begins with the protection screening
    And the interview is held in Mexico
    And the interview takes place on 2026-03-01
    # The step without "except" declares India (engine/scenarios/steps_protection.py,
    # NO_FLAG), so the Sri Lankan nationality is declared explicitly.
    When the person answers the protection screening with no flag raised, except:
      | question             | answer |
      | declared_nationality | LK     |
    And the person gives these answers:
      | question              | answer                             |
      | given_names           | Sunil Kumara                       |
      | surname               | Bandara                            |
      | father_name           | Herath Mudiyanselage Wimal Bandara |
      | date_of_birth         | 1985-12-06                         |
      | province              | North Western Province             |
      | village_or_town       | Kuliyapitiya                       |
      | nationality_documents | nic                                |
      | nic_number            | 853400937V                         |
      | languages_spoken      | Sinhala                            |
    And the officer closes the interview
    And the officer asks for the certificate request
    Then the request is addressed to "Embassy of Sri Lanka, Washington, D.C."

  Scenario: A request from Canada goes to the High Commission in Ottawa
    Given the interview begins with the protection screening
    And the interview is held in Canada
    And the interview takes place on 2026-03-01
    # The step without "except" declares India (engine/scenarios/steps_protection.py,
    # NO_FLAG), so the Sri Lankan nationality is declared explicitly.
    When the person answers the protection screening with no flag raised, except:
      | question             | answer |
      | declared_nationality | LK     |
    And the person gives these answers:
      | question              | answer            |
      | given_names           | Rajan             |
      | surname               | Kandiah           |
      | father_name           | Kandiah Sivapalan |
      | date_of_birth         | 1990-07-15        |
      | province              | Northern Province |
      | village_or_town       | Kaithady, Jaffna  |
      | nationality_documents | passport          |
      | passport_number       | N1234567          |
      | languages_spoken      | Tamil             |
    And the officer closes the interview
    And the officer asks for the certificate request
    Then the request is addressed to "High Commission of Sri Lanka, Ottawa"
