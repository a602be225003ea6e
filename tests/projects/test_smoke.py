def test_catalogue_and_project_render(client, portfolio, catalogue):
    response = client.get(catalogue.url)
    assert response.status_code == 200, response.content[:3000]
    assert "Sportelli per l" in response.content.decode()
    project = portfolio["projects"]["concluded"]
    response = client.get(project.url)
    assert response.status_code == 200
    print(response.content.decode()[:100])
